#!/usr/bin/env python3
"""Out-of-scope test files from BANKING77 train (written to OUT_DIR, never into the repo).

Ten intents (random.Random(5).sample of the sorted labels) are held out as unseen; the other 67
are split 90/10 (seeded shuffle) into train and an in-scope test part.
  a: oos-a-train.csv (67 intents); oos-a-test.csv (in-scope test + 300 unseen-intent rows labeled oos)
  c: oos-c-train.csv (a + the rows of 5 unseen intents labeled oos); oos-c-test.csv (in-scope test
     + 300 rows of the other 5 unseen intents labeled oos): an out-of-scope label learned from some
     topics, tested on others.
Usage: eval/scripts/banking77-oos-split.py ../shared/data/intent/banking77-train.csv OUT_DIR
then:  ./voc train classifier --name oosa --data OUT_DIR/oos-a-train.csv --out OUT_DIR/a
       ./voc eval intent --data OUT_DIR/oos-a-test.csv --model OUT_DIR/a --oos oos
       (c: the same with --oos oos on train too)
"""
import csv
import os
import random
import sys

source, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
rows = list(csv.DictReader(open(source, newline='', encoding='utf-8')))
labels = sorted(set(r['category'] for r in rows))
rnd = random.Random(5)
unseen = set(rnd.sample(labels, 10))
seen = [r for r in rows if r['category'] not in unseen]
other = [r for r in rows if r['category'] in unseen]
rnd.shuffle(seen)
rnd.shuffle(other)
n = len(seen) // 10
test, train = seen[:n], seen[n:]


def write(name, items):
    with open(os.path.join(out, name), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['text', 'category'])
        w.writerows(items)


write('oos-a-train.csv', [(r['text'], r['category']) for r in train])
write('oos-a-test.csv', [(r['text'], r['category']) for r in test] + [(r['text'], 'oos') for r in other[:300]])
learned, tested = sorted(unseen)[:5], sorted(unseen)[5:]
write('oos-c-train.csv', [(r['text'], r['category']) for r in train]
      + [(r['text'], 'oos') for r in other if r['category'] in learned])
write('oos-c-test.csv', [(r['text'], r['category']) for r in test]
      + [(r['text'], 'oos') for r in [r for r in other if r['category'] in tested][:300]])
print(len(train), 'train rows,', len(test), 'in-scope test rows; unseen intents:', ', '.join(sorted(unseen)))
