package org.voc.nlp;

/** One sentence of the cleaned text: its character span [start, end) and its sentiment. */
public record SentenceAnalysis(int start, int end, String text, Sentiment sentiment) {}
