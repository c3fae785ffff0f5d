/**
 * Evaluation: measures the accuracy and speed of the voc pipeline on public benchmarks, with
 * expected scores committed beside each recipe. Built in issues 3 and 8.
 */
package org.voc.eval;
