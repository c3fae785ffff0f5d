package org.voc.nlp;

import java.util.ArrayList;
import java.util.List;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.OnnxTextEncoder;

/**
 * The aspect terms of a parsed text, each with its polarity and opinion words: "The battery life is
 * great but shipping took three weeks." gives {@code battery life} (positive, "great") and {@code
 * shipping} (negative, "took three weeks").
 *
 * <p>Terms come from the {@link AspectTermTagger} over the encoder's tapped hidden states, which
 * {@link ParsedText#sentenceEncoding} computes once per text for every model that reads them;
 * polarity from the {@link TargetSentimentModel}, all of a text's terms in one call; opinion words
 * from the CoreNLP parse ({@link OpinionWords}). Holds no per-call state: one instance serves every
 * worker thread.
 */
public final class AspectExtractor {

  private final OnnxTextEncoder encoder;
  private final AspectTermTagger tagger;
  private final TargetSentimentModel targets;

  /**
   * @param encoder the encoder the tagger reads, with its layer tapped (the shipped tagger reads
   *     {@link ShippedSentiment#loadEncoder()}'s)
   */
  public AspectExtractor(
      OnnxTextEncoder encoder, AspectTermTagger tagger, TargetSentimentModel targets) {
    tagger.checkEncoder(encoder);
    this.encoder = encoder;
    this.tagger = tagger;
    this.targets = targets;
  }

  /** The shipped tagger on {@code encoder}. */
  public static AspectExtractor shipped(OnnxTextEncoder encoder, TargetSentimentModel targets) {
    return new AspectExtractor(encoder, AspectTermTagger.shipped(), targets);
  }

  /** The aspect mentions of {@code parsed}, in text order; offsets point into its cleaned text. */
  public List<AspectMention> extract(ParsedText parsed) {
    List<String> texts = parsed.sentenceTexts();
    if (texts.isEmpty()) {
      return List.of();
    }
    OnnxTextEncoder.Encoded encoded = parsed.sentenceEncoding(encoder);
    List<List<AspectSpans.Span>> terms = tagger.terms(encoded, encoder.tokenSpans(texts), texts);
    List<TargetSentimentModel.Target> found = new ArrayList<>();
    List<Integer> sentenceOf = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      for (AspectSpans.Span term : terms.get(i)) {
        found.add(TargetSentimentModel.Target.at(texts.get(i), term.start(), term.end()));
        sentenceOf.add(i);
      }
    }
    if (found.isEmpty()) {
      return List.of();
    }
    List<Sentiment> polarity = targets.score(found);
    List<OpinionWords> opinions = new ArrayList<>();
    List<AspectMention> mentions = new ArrayList<>(found.size());
    for (int k = 0; k < found.size(); k++) {
      int i = sentenceOf.get(k);
      while (opinions.size() <= i) {
        opinions.add(OpinionWords.of(parsed.coreNlpSentences().get(opinions.size())));
      }
      int offset = parsed.sentences().get(i).start();
      TargetSentimentModel.Target target = found.get(k);
      int start = offset + target.start();
      int end = offset + target.end();
      Sentiment sentiment = polarity.get(k);
      mentions.add(new AspectMention(target.term(), start, end, sentiment.label(),
          sentiment.score(), opinions.get(i).about(parsed.text(), start, end)));
    }
    return mentions;
  }

  /**
   * Splits and parses {@code text} with CoreNLP as the document analyzer does (up to {@code
   * maxSentences} sentences): for callers outside the analyzer, such as {@code voc eval aspects}.
   */
  public static ParsedText parse(CoreNlpPipeline pipeline, String text, int maxSentences) {
    return new TextParser(pipeline, Math.max(text.length(), 1), maxSentences).parse(text);
  }
}
