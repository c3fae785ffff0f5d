package org.voc.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.semgraph.SemanticGraphFactory;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.TreeCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words that say what a sentence thinks of an aspect term, read off the sentence's universal
 * dependencies (derived from CoreNLP's constituency parse, which the pipeline already has): an
 * adjective modifying the term ("great <u>battery life</u>"), the predicate the term is the subject
 * of with its objects and modifiers ("<u>shipping</u> took three weeks", "the <u>food</u> was not
 * good"), or the verb the term is the object of ("I loved the <u>pasta</u>"). A term joined to
 * another by "and" shares that one's opinions.
 */
public final class OpinionWords {

  /** Relations whose whole subtree belongs to a predicate's opinion: objects, complements. */
  private static final Set<String> OBJECTS =
      Set.of("obj", "iobj", "xcomp", "obl", "ccomp", "obl:tmod", "obl:npmod");
  /** Relations whose dependent word alone is added to the opinion. */
  private static final Set<String> MODIFIERS = Set.of("advmod", "neg", "compound:prt", "amod");
  /** Relations never followed inside an opinion: other clauses, punctuation, conjunctions. */
  private static final Set<String> STOP =
      Set.of("punct", "cc", "conj", "parataxis", "mark", "nsubj", "nsubj:pass", "csubj",
          "acl:relcl", "advcl", "dep", "discourse", "appos", "cc:preconj", "det");
  /** Verbs that carry no opinion of their object ("has a view", "got the pasta"). */
  private static final Set<String> LIGHT_VERBS =
      Set.of("be", "is", "was", "are", "were", "been", "'s", "has", "have", "had", "get", "got",
          "gets", "do", "did", "does", "make", "made", "take", "took", "order", "ordered");
  /** Predicates that are no opinion themselves, only what follows them ("is to die for"). */
  private static final Set<String> EMPTY_PREDICATES =
      Set.of("be", "is", "was", "are", "were", "been", "being", "am", "'s", "'re", "has", "have",
          "had");

  private final List<CoreLabel> tokens;
  private final int[] head; // 1-based token -> 1-based governor, 0 for the root
  private final String[] relation;

  private OpinionWords(List<CoreLabel> tokens, int[] head, String[] relation) {
    this.tokens = tokens;
    this.head = head;
    this.relation = relation;
  }

  /** The dependencies of a parsed CoreNLP sentence; none when it has no usable parse. */
  public static OpinionWords of(CoreMap sentence) {
    List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
    int[] head = new int[tokens.size() + 1];
    String[] relation = new String[tokens.size() + 1];
    SemanticGraph graph = graph(sentence);
    if (graph != null) {
      for (SemanticGraphEdge edge : graph.edgeIterable()) {
        int dependent = edge.getDependent().index();
        if (dependent >= 1 && dependent <= tokens.size()) {
          head[dependent] = edge.getGovernor().index();
          relation[dependent] = edge.getRelation().toString();
        }
      }
    }
    return new OpinionWords(tokens, head, relation);
  }

  private static SemanticGraph graph(CoreMap sentence) {
    SemanticGraph given = sentence.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
    if (given != null) {
      return given;
    }
    Tree tree = sentence.get(TreeCoreAnnotations.TreeAnnotation.class);
    if (tree == null) {
      return null;
    }
    try {
      return SemanticGraphFactory.generateUncollapsedDependencies(tree);
    } catch (RuntimeException e) {
      return null; // a flat or odd tree: no dependencies, so no opinions, rather than no analysis
    }
  }

  /**
   * The opinion words about the term at [start, end) of {@code text} (offsets into the text the
   * sentence's tokens point into), as spans of that text in order; empty when none are found.
   */
  public List<TextSpan> about(String text, int start, int end) {
    Set<Integer> term = termTokens(start, end);
    if (term.isEmpty()) {
      return List.of();
    }
    int termHead = termHead(term);
    Set<Integer> words = opinionTokens(termHead, term);
    if (words.isEmpty() && "conj".equals(relation[termHead]) && head[termHead] > 0) {
      words = opinionTokens(head[termHead], termTokens(head[termHead]));
    }
    words.removeAll(term);
    return spans(text, words);
  }

  private Set<Integer> opinionTokens(int termHead, Set<Integer> term) {
    Set<Integer> words = new TreeSet<>();
    for (int child : children(termHead)) {
      if (term.contains(child)) {
        continue;
      }
      if ("amod".equals(relation[child])) {
        words.add(child);
        addModifiers(child, words);
      } else if ("acl:relcl".equals(relation[child]) || "acl".equals(relation[child])) {
        addPredicate(child, words, term);
      }
    }
    if (!words.isEmpty()) {
      return words;
    }
    String rel = relation[termHead];
    int governor = head[termHead];
    if (governor == 0 || rel == null) {
      return words;
    }
    if (rel.startsWith("nsubj") || rel.startsWith("csubj")) {
      addPredicate(governor, words, term);
    } else if ((rel.equals("obj") || rel.equals("iobj")) && !isLightVerb(governor)) {
      words.add(governor);
      addModifiers(governor, words);
    }
    return words;
  }

  /** The predicate word, its modifiers, and its objects and complements with their subtrees. */
  private void addPredicate(int predicate, Set<Integer> words, Set<Integer> term) {
    if (!EMPTY_PREDICATES.contains(word(predicate))) {
      words.add(predicate);
    }
    for (int child : children(predicate)) {
      if (term.contains(child) || relation[child] == null || STOP.contains(relation[child])) {
        continue;
      }
      if (MODIFIERS.contains(relation[child])) {
        words.add(child);
        addModifiers(child, words);
      } else if (OBJECTS.contains(relation[child])) {
        addSubtree(child, words, term);
      }
    }
  }

  private void addModifiers(int word, Set<Integer> words) {
    for (int child : children(word)) {
      if ("advmod".equals(relation[child]) || "neg".equals(relation[child])) {
        words.add(child);
      }
    }
  }

  private void addSubtree(int root, Set<Integer> words, Set<Integer> term) {
    if (term.contains(root) || isPunctuation(root)) {
      return;
    }
    words.add(root);
    for (int child : children(root)) {
      if (relation[child] != null && !STOP.contains(relation[child])) {
        addSubtree(child, words, term);
      }
    }
  }

  private List<Integer> children(int word) {
    List<Integer> result = new ArrayList<>();
    for (int i = 1; i < head.length; i++) {
      if (head[i] == word && relation[i] != null) {
        result.add(i);
      }
    }
    return result;
  }

  /** The 1-based tokens that overlap [start, end). */
  private Set<Integer> termTokens(int start, int end) {
    Set<Integer> result = new TreeSet<>();
    for (int i = 1; i <= tokens.size(); i++) {
      CoreLabel token = tokens.get(i - 1);
      if (token.beginPosition() < end && token.endPosition() > start) {
        result.add(i);
      }
    }
    return result;
  }

  /** The tokens of the noun phrase headed by {@code word}: it and its compounds. */
  private Set<Integer> termTokens(int word) {
    Set<Integer> result = new TreeSet<>(Set.of(word));
    for (int child : children(word)) {
      if ("compound".equals(relation[child])) {
        result.add(child);
      }
    }
    return result;
  }

  /**
   * The term's syntactic head: its last token whose governor lies outside the term (an English
   * noun phrase ends in its head; when a bad parse gives several, the last is the likeliest).
   */
  private int termHead(Set<Integer> term) {
    int result = ((TreeSet<Integer>) term).last();
    for (int token : term) {
      if (!term.contains(head[token]) && relation[token] != null) {
        result = token;
      }
    }
    return result;
  }

  private boolean isLightVerb(int word) {
    return LIGHT_VERBS.contains(word(word));
  }

  private String word(int word) {
    return tokens.get(word - 1).word().toLowerCase(java.util.Locale.ROOT);
  }

  private boolean isPunctuation(int word) {
    String tag = tokens.get(word - 1).tag();
    return "punct".equals(relation[word]) || tag != null && !tag.isEmpty()
        && !Character.isLetter(tag.charAt(0));
  }

  /** Runs of adjacent tokens as spans of {@code text}. */
  private List<TextSpan> spans(String text, Set<Integer> words) {
    List<TextSpan> result = new ArrayList<>();
    int runStart = -1;
    int previous = -2;
    for (int word : words) {
      if (word != previous + 1 && runStart >= 0) {
        result.add(span(text, runStart, previous));
        runStart = -1;
      }
      if (runStart < 0) {
        runStart = word;
      }
      previous = word;
    }
    if (runStart >= 0) {
      result.add(span(text, runStart, previous));
    }
    return result;
  }

  private TextSpan span(String text, int first, int last) {
    return TextSpan.of(text, tokens.get(first - 1).beginPosition(), tokens.get(last - 1).endPosition());
  }
}
