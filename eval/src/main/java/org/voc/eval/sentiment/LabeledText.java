package org.voc.eval.sentiment;

import org.voc.nlp.SentimentLabel;

/** One row of a labeled file: a text and its gold sentiment, with the line it came from. */
public record LabeledText(long line, String text, SentimentLabel label) {}
