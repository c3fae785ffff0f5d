package org.voc.models;

/**
 * How a head does on one split of its data.
 *
 * @param loss mean cross-entropy, each example weighted by its class weight
 * @param accuracy the share of examples whose most probable class is the label
 */
public record SplitScores(int examples, double loss, double accuracy) {}
