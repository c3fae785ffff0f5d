package org.voc.service.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.voc.nlp.AnalysisPipeline;
import org.voc.nlp.ShippedSentiment;
import org.voc.nlp.UrgencyRules;

/**
 * The whole configuration of a voc process, read once at start-up (file, then env, then flags) and
 * passed to what needs it. Every key has a default, so no file is needed.
 */
public record VocConfig(
    String host,
    Integer port,
    Path data,
    List<ApiKey> apiKeys,
    List<Brand> brands,
    List<Theme> themes,
    Map<String, Webhook> webhooks,
    Crawler crawler,
    Reports reports,
    Limits limits,
    Analysis analysis,
    List<Classifier> classifiers,
    Urgency urgency,
    Privacy privacy,
    Shutdown shutdown) {

  public VocConfig {
    host = host == null ? "127.0.0.1" : host;
    port = port == null ? 8080 : port;
    data = data == null ? Path.of("data") : data;
    apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    brands = brands == null ? List.of() : List.copyOf(brands);
    themes = themes == null ? List.of() : List.copyOf(themes);
    webhooks = webhooks == null ? Map.of() : Map.copyOf(webhooks);
    crawler = crawler == null ? new Crawler(null, null, null, null) : crawler;
    reports = reports == null ? new Reports(null) : reports;
    limits = limits == null ? Limits.DEFAULT : limits;
    analysis = analysis == null ? Analysis.DEFAULT : analysis;
    classifiers = classifiers == null ? List.of() : List.copyOf(classifiers);
    urgency = urgency == null ? Urgency.DEFAULT : urgency;
    privacy = privacy == null ? Privacy.DEFAULT : privacy;
    shutdown = shutdown == null ? Shutdown.DEFAULT : shutdown;
  }

  /** A configuration with the default shutdown periods. */
  public VocConfig(String host, Integer port, Path data, List<ApiKey> apiKeys, List<Brand> brands, List<Theme> themes,
      Map<String, Webhook> webhooks, Crawler crawler, Reports reports, Limits limits, Analysis analysis,
      List<Classifier> classifiers, Urgency urgency, Privacy privacy) {
    this(host, port, data, apiKeys, brands, themes, webhooks, crawler, reports, limits, analysis, classifiers, urgency,
        privacy, null);
  }

  /** A configuration with the default privacy settings (no redaction). */
  public VocConfig(String host, Integer port, Path data, List<ApiKey> apiKeys, List<Brand> brands, List<Theme> themes,
      Map<String, Webhook> webhooks, Crawler crawler, Reports reports, Limits limits, Analysis analysis,
      List<Classifier> classifiers, Urgency urgency) {
    this(host, port, data, apiKeys, brands, themes, webhooks, crawler, reports, limits, analysis, classifiers, urgency,
        null);
  }

  /** A configuration with the default urgency rules. */
  public VocConfig(String host, Integer port, Path data, List<ApiKey> apiKeys, List<Brand> brands, List<Theme> themes,
      Map<String, Webhook> webhooks, Crawler crawler, Reports reports, Limits limits, Analysis analysis,
      List<Classifier> classifiers) {
    this(host, port, data, apiKeys, brands, themes, webhooks, crawler, reports, limits, analysis, classifiers, null);
  }

  /** The configuration with every default. */
  public static VocConfig defaults() {
    return new VocConfig(null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public VocConfig withPort(int value) {
    return new VocConfig(host, value, data, apiKeys, brands, themes, webhooks, crawler, reports, limits, analysis, classifiers,
        urgency, privacy, shutdown);
  }

  public VocConfig withHost(String value) {
    return new VocConfig(value, port, data, apiKeys, brands, themes, webhooks, crawler, reports, limits, analysis, classifiers,
        urgency, privacy, shutdown);
  }

  public VocConfig withData(Path value) {
    return new VocConfig(host, port, value, apiKeys, brands, themes, webhooks, crawler, reports, limits, analysis, classifiers,
        urgency, privacy, shutdown);
  }

  public VocConfig withAnalysis(Analysis value) {
    return new VocConfig(host, port, data, apiKeys, brands, themes, webhooks, crawler, reports, limits, value, classifiers,
        urgency, privacy, shutdown);
  }

  public VocConfig withShutdown(Shutdown value) {
    return new VocConfig(host, port, data, apiKeys, brands, themes, webhooks, crawler, reports, limits, analysis, classifiers,
        urgency, privacy, value);
  }

  /**
   * A classifier to run at ingest: its name (the key of its output in each analysis), the directory
   * {@code voc train classifier} wrote (default {@code DATA/models/NAME}), and the kinds of
   * documents it labels (default: all).
   */
  public record Classifier(String name, Path path, List<String> kinds) {
    public Classifier {
      if (name == null || !name.matches("[a-z][a-z0-9_-]{0,39}")) {
        throw new IllegalArgumentException("classifiers: name must be lower-case letters, digits, '_' or '-' "
            + "(at most 40), not " + name);
      }
      kinds = kinds == null ? List.of() : List.copyOf(kinds);
      for (String kind : kinds) {
        if (org.voc.nlp.DocumentKind.parse(kind).isEmpty()) {
          throw new IllegalArgumentException("classifiers." + name + ".kinds: unknown kind " + kind);
        }
      }
    }
  }

  /** An API key and what it may do: {@code ingest}, {@code read}, {@code admin}. */
  public record ApiKey(String key, List<String> scopes) {
    public ApiKey {
      scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
  }

  /** A brand to find in texts; the own brand is marked {@code own}, the others are competitors. */
  public record Brand(String name, List<String> aliases, List<String> products, boolean own) {
    public Brand {
      aliases = aliases == null ? List.of() : List.copyOf(aliases);
      products = products == null ? List.of() : List.copyOf(products);
    }
  }

  /** A theme of the taxonomy, described in words and by example phrases. */
  public record Theme(String name, String description, List<String> examples) {
    public Theme {
      examples = examples == null ? List.of() : List.copyOf(examples);
    }
  }

  /**
   * A support tool's webhook settings: the secret its signatures are checked with (none: requests
   * need an API key with the ingest scope, when keys are configured), and whether the requester's
   * email or id is stored as it is rather than as its SHA-256 (the default).
   */
  public record Webhook(String secret, Boolean keepRequester) {
    public Webhook {
      keepRequester = keepRequester != null && keepRequester;
    }
  }

  /**
   * Crawler settings: which sources, how politely, whether private addresses may be fetched, and
   * how often the service crawls them by itself ({@code everyMinutes}; none: only {@code voc crawl}).
   */
  public record Crawler(Boolean allowPrivateAddresses, Long delayMillis, List<Map<String, Object>> sources,
      Long everyMinutes) {
    public Crawler {
      allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
      delayMillis = delayMillis == null ? 1000L : delayMillis;
      sources = sources == null ? List.of() : List.copyOf(sources);
      if (everyMinutes != null && everyMinutes < 1) {
        throw new IllegalArgumentException("crawler.everyMinutes must be at least 1");
      }
    }
  }


  /** Scheduled reports: none unless {@code weekly} is set. */
  public record Reports(Weekly weekly) {}

  /**
   * The weekly report's schedule: every {@code day} at {@code hour}:00 UTC (default Monday 7:00) the
   * service writes the last complete week's report under {@code DATA/reports}, and POSTs a
   * Slack-compatible summary to {@code webhook} when set, linking to {@code link} (the service's
   * address as readers reach it; default {@code http://host:port}).
   */
  public record Weekly(java.time.DayOfWeek day, Integer hour, String webhook, String link) {
    public Weekly {
      day = day == null ? java.time.DayOfWeek.MONDAY : day;
      hour = hour == null ? 7 : hour;
      if (hour < 0 || hour > 23) {
        throw new IllegalArgumentException("reports.weekly.hour must be 0 to 23, not " + hour);
      }
      for (String url : new String[] {webhook, link}) {
        if (url != null && !url.matches("(?i)https?://\\S+")) {
          throw new IllegalArgumentException("reports.weekly: '" + url + "' is not an http(s) URL");
        }
      }
    }
  }

  /**
   * Request and queue limits. Sizes are in bytes; {@code queueCapacity} is the number of accepted
   * documents waiting for analysis beyond which ingest answers 429; {@code searchMillis} is the
   * time budget of one search, after which it answers with what it found, marked partial.
   */
  public record Limits(
      Long maxDocumentBytes,
      Long maxRequestBytes,
      Integer maxQueryTerms,
      Integer queueCapacity,
      Integer waitSeconds,
      Integer requestsPerSecond,
      Integer burst,
      Integer searchMillis) {

    public static final Limits DEFAULT = new Limits(null, null, null, null, null);

    public Limits {
      maxDocumentBytes = maxDocumentBytes == null ? 1L << 20 : maxDocumentBytes;
      maxRequestBytes = maxRequestBytes == null ? 64L << 20 : maxRequestBytes;
      maxQueryTerms = maxQueryTerms == null ? 64 : maxQueryTerms;
      queueCapacity = queueCapacity == null ? 50_000 : queueCapacity;
      waitSeconds = waitSeconds == null ? 60 : waitSeconds;
      requestsPerSecond = requestsPerSecond == null ? 200 : requestsPerSecond;
      burst = burst == null ? 400 : burst;
      searchMillis = searchMillis == null ? 2_000 : searchMillis;
    }

    /** Limits with the default request rate per client (200 a second, 400 more at once). */
    public Limits(Long maxDocumentBytes, Long maxRequestBytes, Integer maxQueryTerms, Integer queueCapacity,
        Integer waitSeconds) {
      this(maxDocumentBytes, maxRequestBytes, maxQueryTerms, queueCapacity, waitSeconds, null, null, null);
    }

    /** These limits with another request rate per client; {@code requestsPerSecond} 0 turns rate limiting off. */
    public Limits withRate(int perSecond, int burstSize) {
      return new Limits(maxDocumentBytes, maxRequestBytes, maxQueryTerms, queueCapacity, waitSeconds, perSecond,
          burstSize, searchMillis);
    }

    /** These limits with another time budget per search, in milliseconds. */
    public Limits withSearchMillis(int millis) {
      return new Limits(maxDocumentBytes, maxRequestBytes, maxQueryTerms, queueCapacity, waitSeconds,
          requestsPerSecond, burst, millis);
    }
  }

  /**
   * Analysis settings: the pipeline ({@code full}, the default, or {@code fast}: transformer only,
   * see {@link org.voc.nlp.AnalysisPipeline}), the sentiment model ({@code ensemble}, {@code
   * transformer} or {@code corenlp}; the transformer's encoder also makes the vectors for semantic
   * search; {@code fast} takes {@code transformer}, its default, or {@code transformer-head}, the
   * head over frozen vectors: faster, less accurate), worker threads (default: one per core), how
   * much of a text is analyzed, and how many of the shipped target-sentiment models score themes,
   * brands and aspects ({@code targetModels}: all of them, averaged, by default; 1 for speed).
   */
  public record Analysis(String sentiment, Integer workers, Integer maxSentences, Integer maxChars,
      String pipeline, Integer targetModels) {

    public static final Analysis DEFAULT = new Analysis(null, null, null, null, null, null);

    /** The sentiment of the head over the encoder's frozen vectors (fast pipeline only). */
    public static final String TRANSFORMER_HEAD = "transformer-head";

    public Analysis(String sentiment, Integer workers, Integer maxSentences, Integer maxChars) {
      this(sentiment, workers, maxSentences, maxChars, null, null);
    }

    public Analysis(String sentiment, Integer workers, Integer maxSentences, Integer maxChars, String pipeline) {
      this(sentiment, workers, maxSentences, maxChars, pipeline, null);
    }

    public Analysis {
      pipeline = pipeline == null ? AnalysisPipeline.FULL.wireName() : pipeline;
      sentiment = sentiment != null ? sentiment
          : pipeline.equals(AnalysisPipeline.FAST.wireName()) ? "transformer" : "ensemble";
      workers = workers == null || workers < 1 ? Runtime.getRuntime().availableProcessors() : workers;
      maxSentences = maxSentences == null ? 200 : maxSentences;
      maxChars = maxChars == null ? 20_000 : maxChars;
      targetModels = targetModels == null ? ShippedSentiment.TARGET_TOPS.size() : targetModels;
    }

    /**
     * These settings on {@code value}'s pipeline: {@code fast} keeps a transformer sentiment and
     * replaces any other with {@code transformer}; {@code full} replaces {@code transformer-head}.
     */
    public Analysis withPipeline(String value) {
      boolean fast = AnalysisPipeline.FAST.wireName().equals(value);
      boolean transformer = sentiment.startsWith("transformer");
      String model = fast && !transformer ? "transformer"
          : !fast && sentiment.equals(TRANSFORMER_HEAD) ? "transformer" : sentiment;
      return new Analysis(model, workers, maxSentences, maxChars, value, targetModels);
    }

    /** The pipeline named by {@link #pipeline}; call after {@link ConfigLoader} has validated it. */
    public AnalysisPipeline analysisPipeline() {
      return AnalysisPipeline.parse(pipeline).orElseThrow(
          () -> new ConfigException("analysis.pipeline must be full or fast, not '" + pipeline + "'"));
    }
  }

  /**
   * Personal data: with {@code redact}, e-mail addresses, phone numbers, payment-card numbers, IBANs
   * and US social security numbers are replaced by placeholders ({@code [email]}, ...) before a
   * document is journaled, analyzed and indexed.
   */
  public record Privacy(Boolean redact) {

    public static final Privacy DEFAULT = new Privacy(null);

    public Privacy {
      redact = redact != null && redact;
    }
  }

  /**
   * How the service stops (SIGTERM): in-flight HTTP requests get {@code requestSeconds} to finish
   * (default 10) while no new connections are accepted, then the analysis workers get {@code
   * drainSeconds} (default 10) to work through the queue; what is left stays in the journal and is
   * analyzed after the next start.
   */
  public record Shutdown(Integer requestSeconds, Integer drainSeconds) {

    public static final Shutdown DEFAULT = new Shutdown(null, null);

    public Shutdown {
      requestSeconds = requestSeconds == null ? 10 : requestSeconds;
      drainSeconds = drainSeconds == null ? 10 : drainSeconds;
      if (requestSeconds < 0 || drainSeconds < 0) {
        throw new IllegalArgumentException("shutdown.requestSeconds and shutdown.drainSeconds must be 0 or more");
      }
    }
  }

  /**
   * Ticket urgency: {@code rules} ({@code {signal, effect: high|raise|low, phrases}}) added to the
   * shipped ones (a rule for a shipped signal adds its phrases and sets its effect), or instead of
   * them with {@code replaceDefaults}; {@code strongNegative} is the document sentiment score at or
   * below which a ticket is raised (default -0.6). See {@link UrgencyRules}.
   */
  public record Urgency(Double strongNegative, List<UrgencyRules.RuleSpec> rules, Boolean replaceDefaults) {

    public static final Urgency DEFAULT = new Urgency(null, null, null);

    public Urgency {
      rules = rules == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(rules));
      replaceDefaults = replaceDefaults != null && replaceDefaults;
    }

    /**
     * The rules this configures.
     *
     * @throws IllegalArgumentException naming what is wrong (a rule without phrases, an unknown
     *     effect, a cut outside [-1, 0])
     */
    public UrgencyRules toRules() {
      if (rules.stream().anyMatch(java.util.Objects::isNull)) {
        throw new IllegalArgumentException("rules: an empty rule");
      }
      return UrgencyRules.defaults().with(rules, replaceDefaults, strongNegative);
    }
  }
}
