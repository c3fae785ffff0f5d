/**
 * Crawlers and connectors: clients of the voc HTTP API that find customer texts on the web
 * (feeds, sitemaps, review pages) and post them for analysis. Built in issue 5.
 */
package org.voc.crawlers;
