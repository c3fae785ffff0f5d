package org.voc.service.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voc.index.DocumentIndex;
import org.voc.index.IndexedDocument;
import org.voc.nlp.AnalysisStage;
import org.voc.nlp.AnalyzedDocument;
import org.voc.nlp.BatchAnalyzer;
import org.voc.nlp.Document;
import org.voc.nlp.DocumentKey;

/**
 * Where a posted document goes: validated submissions are written to the {@link Journal} (durable
 * before anyone is told "accepted"), queued, analyzed by a bounded pool of worker threads and put in
 * the {@link DocumentIndex}. The index commit records the journal sequence number up to which
 * everything is indexed; on start-up the journal records after it are queued again, so a crash
 * loses nothing that was acknowledged.
 *
 * <p>Documents accepted but not yet visible in the index are kept in {@code pending}, so a retry or
 * a read sees them at once. Urgent work (a client waiting for the answer) jumps the queue.
 */
public final class IngestPipeline implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
  static final String COMMITTED_SEQ = "journalSeq";
  private static final int STRIPES = 64;

  private final Journal journal;
  private final DocumentIndex index;
  private final Function<Document, AnalyzedDocument> analyzer;
  private final int workerCount;
  private final int queueCapacity;
  private final Duration commitInterval;
  private final UnaryOperator<Document> redactor;

  private final Map<DocumentKey, Pending> pending = new ConcurrentHashMap<>();
  private final ConcurrentSkipListSet<Long> inFlight = new ConcurrentSkipListSet<>();
  private final PriorityBlockingQueue<Job> queue = new PriorityBlockingQueue<>();
  private final ConcurrentLinkedQueue<Visible> awaitingRefresh = new ConcurrentLinkedQueue<>();
  private final Object[] stripes = new Object[STRIPES];
  private final List<Thread> workers = new ArrayList<>();
  /** How long an idle worker waits for a job before it checks whether the pipeline is closing. */
  private static final long WORKER_POLL_MILLIS = 100;
  /** The most documents a worker analyzes together (see {@link BatchAnalyzer}). */
  static final int MAX_BATCH = 32;

  private final ScheduledExecutorService maintenance =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "voc-index-maintenance"));

  private final Map<IngestStatus, Counter> accepted = new EnumMap<>(IngestStatus.class);
  private final Counter analyzed;
  private final DrainRate drainRate = new DrainRate();
  private final Counter analysisFailures;
  private final Timer analysisTime;
  private final Map<AnalysisStage, Timer> stageTimes = new EnumMap<>(AnalysisStage.class);

  private final Object commitLock = new Object();
  private volatile boolean running;
  /** Set by {@link #drain}: a worker that finds the queue empty stops instead of waiting for more. */
  private volatile boolean draining;
  private long committedSeq;

  /** Builds a pipeline; nothing runs until {@link #start()}. */
  public IngestPipeline(
      Journal journal,
      DocumentIndex index,
      Function<Document, AnalyzedDocument> analyzer,
      int workerCount,
      int queueCapacity,
      Duration commitInterval,
      MeterRegistry metrics) {
    this(journal, index, analyzer, workerCount, queueCapacity, commitInterval, metrics, PiiRedactor.NONE);
  }

  /**
   * As above; {@code redactor} rewrites each accepted document before it is journaled, analyzed and
   * indexed (see {@link PiiRedactor}).
   */
  public IngestPipeline(
      Journal journal,
      DocumentIndex index,
      Function<Document, AnalyzedDocument> analyzer,
      int workerCount,
      int queueCapacity,
      Duration commitInterval,
      MeterRegistry metrics,
      UnaryOperator<Document> redactor) {
    this.redactor = redactor;
    this.journal = journal;
    this.index = index;
    this.analyzer = analyzer;
    this.workerCount = workerCount;
    this.queueCapacity = queueCapacity;
    this.commitInterval = commitInterval;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
    for (IngestStatus status : IngestStatus.values()) {
      accepted.put(status, Counter.builder("voc.documents.ingested").tag("status", status.wireName())
          .description("Posted documents by outcome").register(metrics));
    }
    analyzed = Counter.builder("voc.documents.analyzed").description("Documents analyzed and indexed")
        .register(metrics);
    analysisFailures = Counter.builder("voc.analysis.failures")
        .description("Documents whose analysis failed and were indexed without it").register(metrics);
    analysisTime = Timer.builder("voc.analysis.duration").description("Time to analyze one document")
        .register(metrics);
    for (AnalysisStage stage : AnalysisStage.values()) {
      stageTimes.put(stage, Timer.builder("voc.analysis.stage.duration").tag("stage", stage.wireName())
          .description("Time one stage (one model) of an analysis took").register(metrics));
    }
    metrics.gauge("voc.analysis.queue", queue, PriorityBlockingQueue::size);
  }

  /** Re-queues what the journal holds beyond the last index commit, then starts the workers. */
  public void start() throws IOException {
    String committed = index.committedUserData().get(COMMITTED_SEQ);
    committedSeq = committed == null ? 0 : Long.parseLong(committed);
    journal.advanceTo(committedSeq + 1);
    int[] replayed = {0};
    Map<DocumentKey, Long> erased = new HashMap<>();
    journal.replay(committedSeq, record -> {
      JournalEntry entry = JournalEntry.decode(record.payload());
      replay(record.seq(), entry);
      if (entry instanceof JournalEntry.Delete delete) {
        erased.put(delete.key(), record.seq());
      }
      replayed[0]++;
    });
    if (replayed[0] > 0) {
      LOG.info("Resuming {} journal records accepted before the last stop", replayed[0]);
    }
    if (!erased.isEmpty()) {
      eraseFromDisk(erased); // an erasure the last stop may have cut short
    }
    running = true;
    for (int i = 0; i < workerCount; i++) {
      Thread worker = new Thread(this::work, "voc-analysis-" + i);
      worker.setDaemon(true);
      worker.start();
      workers.add(worker);
    }
    long refreshMillis = 200;
    maintenance.scheduleWithFixedDelay(this::publishVisible, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
    maintenance.scheduleWithFixedDelay(this::commitQuietly, commitInterval.toMillis(),
        commitInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Accepts a batch: decides each document's status, journals the new and changed ones with one
   * disk force, and queues them. When this returns, they are durable.
   *
   * @param urgent the client waits for the analysis: queue ahead of bulk work
   * @throws QueueFullException the queue cannot take this batch now; nothing was accepted
   */
  public List<Accepted> accept(List<Submission> submissions, boolean urgent)
      throws IOException, QueueFullException {
    // Redacted before taking the lock: on a long text it takes a while.
    return acceptRedacted(submissions.stream()
        .map(s -> new Submission(redactor.apply(s.document()), s.contentHash())).toList(), urgent);
  }

  private synchronized List<Accepted> acceptRedacted(List<Submission> submissions, boolean urgent)
      throws IOException, QueueFullException {
    if (queue.size() + submissions.size() > queueCapacity) {
      throw new QueueFullException("the analysis queue is full (" + queue.size() + " of "
          + queueCapacity + " documents waiting); retry later", retryAfterSeconds());
    }
    Map<DocumentKey, String> batchHashes = new HashMap<>();
    List<IngestStatus> statuses = new ArrayList<>();
    List<byte[]> payloads = new ArrayList<>();
    List<CompletableFuture<IndexedDocument>> existing = new ArrayList<>();
    for (Submission submission : submissions) {
      DocumentKey key = submission.document().key();
      Existing known = batchHashes.containsKey(key) ? new Existing(batchHashes.get(key), null) : lookup(key);
      IngestStatus status = known == null ? IngestStatus.CREATED
          : known.contentHash().equals(submission.contentHash()) ? IngestStatus.DUPLICATE
          : IngestStatus.UPDATED;
      statuses.add(status);
      existing.add(known == null ? null : known.indexed());
      if (status != IngestStatus.DUPLICATE) {
        batchHashes.put(key, submission.contentHash());
        payloads.add(JournalEntry.encode(new JournalEntry.Put(submission.document(), submission.contentHash())));
      }
    }
    long seq = payloads.isEmpty() ? 0 : journal.append(payloads);
    List<Accepted> results = new ArrayList<>();
    for (int i = 0; i < submissions.size(); i++) {
      Submission submission = submissions.get(i);
      DocumentKey key = submission.document().key();
      IngestStatus status = statuses.get(i);
      accepted.get(status).increment();
      if (status == IngestStatus.DUPLICATE) {
        CompletableFuture<IndexedDocument> known = existing.get(i);
        results.add(new Accepted(key, status, known != null ? known : pending.get(key).indexed));
        continue;
      }
      Pending entry = enqueue(seq++, submission, urgent);
      results.add(new Accepted(key, status, entry.indexed));
    }
    return results;
  }

  /** The document with this key: pending analysis, or indexed. */
  public Optional<StoredState> find(DocumentKey key) throws IOException {
    Pending entry = pending.get(key);
    if (entry != null) {
      if (entry.deleted()) {
        return Optional.empty();
      }
      // Indexed but not yet visible to readers (the refresh runs every 200 ms): a client that has
      // just been answered with the analysis (?wait=true) must not be told it is still pending.
      if (entry.indexed.isDone() && !entry.indexed.isCompletedExceptionally()) {
        return Optional.of(new StoredState.Indexed(entry.indexed.join()));
      }
      return Optional.of(new StoredState.Pending(entry.document));
    }
    return index.get(key).map(StoredState.Indexed::new);
  }

  /**
   * Erases the document everywhere: from the index, and from the disk. Its journal records are
   * replaced by delete records (tombstones), and the index segments that held it are rewritten and
   * committed, so its text is in no file under the data dir when this returns. False when there
   * was no such document.
   */
  public boolean delete(DocumentKey key) throws IOException {
    long seq;
    synchronized (this) {
      if (lookup(key) == null) {
        return false;
      }
      seq = journal.append(List.of(JournalEntry.encode(new JournalEntry.Delete(key))));
      applyDelete(seq, key);
    }
    // Outside the lock on this: a periodic commit takes commitLock first, then this.
    eraseFromDisk(Map.of(key, seq));
    return true;
  }

  /**
   * Replaces the journal records of these documents accepted before their delete record (its
   * sequence number the value) by tombstones, and rewrites and commits the index segments that held
   * them, so their text is in no file any more.
   */
  private void eraseFromDisk(Map<DocumentKey, Long> erased) throws IOException {
    long last = erased.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    journal.rewrite(last, record -> JournalEntry.decode(record.payload()) instanceof JournalEntry.Put put
        && erased.getOrDefault(put.document().key(), Long.MIN_VALUE) > record.seq()
        ? JournalEntry.encode(new JournalEntry.Delete(put.document().key())) : null);
    synchronized (commitLock) {
      index.expungeDeletes();
      commitThroughWatermark();
      // Also when the watermark did not move: the rewritten segments must replace the old in the commit.
      index.commit(Map.of(COMMITTED_SEQ, Long.toString(committedSeq)));
    }
    index.refresh(); // readers let go of the old segments, so their files are deleted
  }

  /** How many accepted documents wait for analysis. */
  public int queued() {
    return queue.size();
  }

  /** Makes everything indexed so far searchable now (tests, and clients that asked to wait). */
  public void refresh() throws IOException {
    index.refresh();
    publishVisible();
  }

  /** What {@link #drain} did: documents indexed while draining, and journal records left unindexed. */
  public record Drained(long indexed, int leftInJournal) {}

  /**
   * Lets the workers go on analyzing the queue for at most {@code period} (each stops when it finds
   * the queue empty), then stops them after the job in hand. What is still queued stays in the
   * journal, and {@link #start()} queues it again at the next start. Call {@link #close()} after.
   */
  public Drained drain(Duration period) {
    long before = (long) analyzed.count();
    long deadline = System.nanoTime() + period.toNanos();
    draining = true;
    for (Thread worker : workers) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      join(worker, TimeUnit.NANOSECONDS.toMillis(left) + 1);
    }
    stopWorkers();
    return new Drained((long) analyzed.count() - before, inFlight.size());
  }

  /** Stops the workers and commits what is indexed; the rest stays in the journal for next time. */
  @Override
  public void close() throws IOException {
    stopWorkers();
    maintenance.shutdown(); // cancels the periodic refresh and commit, lets a running one finish
    try {
      maintenance.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    commit();
  }

  private void stopWorkers() {
    // Workers are not interrupted: an interrupt inside a Lucene write closes the index's file
    // channels ("FileLock invalidated"). They see running == false within one poll and stop after
    // the job in hand.
    running = false;
    for (Thread worker : workers) {
      join(worker, TimeUnit.SECONDS.toMillis(30));
    }
  }

  private static void join(Thread thread, long millis) {
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Pending enqueue(long seq, Submission submission, boolean urgent) {
    DocumentKey key = submission.document().key();
    Pending entry = new Pending(seq, submission.contentHash(), submission.document());
    Pending previous = pending.put(key, entry);
    if (previous != null) {
      // Whoever waits for the older version gets the newer one: it supersedes the older.
      entry.indexed.whenComplete((doc, error) -> previous.indexed.complete(doc));
    }
    inFlight.add(seq);
    queue.add(new Job(seq, urgent, key));
    return entry;
  }

  private void replay(long seq, JournalEntry entry) {
    switch (entry) {
      case JournalEntry.Put put -> enqueue(seq, new Submission(put.document(), put.contentHash()), false);
      case JournalEntry.Delete delete -> {
        try {
          applyDelete(seq, delete.key());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private void applyDelete(long seq, DocumentKey key) throws IOException {
    Pending marker = Pending.deletedAt(seq);
    Pending previous;
    synchronized (stripe(key)) {
      previous = pending.put(key, marker);
      index.delete(key);
    }
    if (previous != null) {
      previous.indexed.complete(null);
    }
    awaitingRefresh.add(new Visible(key, marker));
  }

  private Existing lookup(DocumentKey key) throws IOException {
    Pending entry = pending.get(key);
    if (entry != null) {
      return entry.deleted() ? null : new Existing(entry.contentHash, entry.indexed);
    }
    return index.get(key)
        .map(doc -> new Existing(doc.contentHash(), CompletableFuture.completedFuture(doc)))
        .orElse(null);
  }

  private void work() {
    while (running) {
      Job job;
      try {
        job = queue.poll(WORKER_POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (job == null) {
        if (draining) {
          return;
        }
        continue;
      }
      List<Job> jobs = takeMore(job);
      try {
        process(jobs);
      } catch (IOException | RuntimeException e) {
        if (!running) {
          return; // interrupted by shutdown: the journal still holds the records
        }
        // The records stay in flight, so the commit watermark stops below them and a restart retries them.
        LOG.error("Could not index {} documents, the first {} / {} (journal record {})", jobs.size(),
            job.key.source(), job.key.id(), job.seq, e);
      }
    }
  }

  /**
   * {@code first} and, with a batch analyzer, more queued jobs to analyze with it: up to {@link
   * #MAX_BATCH}, and no more than this worker's share of the queue, so that the other workers get
   * work too. Urgent work is not batched with bulk work, which would make its client wait for it.
   */
  private List<Job> takeMore(Job first) {
    List<Job> jobs = new ArrayList<>();
    jobs.add(first);
    int more = Math.min(MAX_BATCH - 1, queue.size() / workerCount);
    if (!(analyzer instanceof BatchAnalyzer) || more <= 0) {
      return jobs;
    }
    queue.drainTo(jobs, more);
    if (first.urgent) {
      for (int i = jobs.size() - 1; i > 0; i--) {
        if (!jobs.get(i).urgent) {
          queue.add(jobs.remove(i)); // bulk work goes back, in its place by sequence number
        }
      }
    }
    return jobs;
  }

  private void process(List<Job> jobs) throws IOException {
    List<Job> live = new ArrayList<>(jobs.size());
    List<Pending> entries = new ArrayList<>(jobs.size());
    for (Job job : jobs) {
      Pending entry = pending.get(job.key);
      if (entry == null || entry.seq != job.seq) {
        inFlight.remove(job.seq); // superseded or erased since it was queued
        continue;
      }
      live.add(job);
      entries.add(entry);
    }
    if (live.isEmpty()) {
      return;
    }
    List<AnalyzedDocument> results = analyze(entries.stream().map(e -> e.document).toList());
    for (int i = 0; i < live.size(); i++) {
      try {
        store(live.get(i), entries.get(i), results.get(i));
      } catch (IOException | RuntimeException e) {
        if (!running) {
          throw e;
        }
        // The record stays in flight, so the commit watermark stops below it and a restart retries it.
        Job job = live.get(i);
        LOG.error("Could not index document {} / {} (journal record {})", job.key.source(), job.key.id(), job.seq, e);
      }
    }
  }

  private void store(Job job, Pending entry, AnalyzedDocument result) throws IOException {
    IndexedDocument stored = new IndexedDocument(entry.document, result.analysis(), entry.contentHash);
    boolean indexed = false;
    synchronized (stripe(job.key)) {
      if (pending.get(job.key) == entry) {
        index.put(stored, result.embedding());
        indexed = true;
      }
    }
    inFlight.remove(job.seq);
    if (indexed) {
      analyzed.increment();
      drainRate.record();
      awaitingRefresh.add(new Visible(job.key, entry));
      entry.indexed.complete(stored);
    }
  }

  /**
   * The analyses of {@code documents}: together where the analyzer can, else (and when the batch
   * fails) one at a time, so that one document that cannot be analyzed does not fail the others.
   */
  private List<AnalyzedDocument> analyze(List<Document> documents) {
    if (documents.size() > 1 && analyzer instanceof BatchAnalyzer batch) {
      long start = System.nanoTime();
      try {
        List<AnalyzedDocument> results = batch.applyAll(documents);
        long each = (System.nanoTime() - start) / documents.size();
        for (AnalyzedDocument result : results) {
          analysisTime.record(each, TimeUnit.NANOSECONDS);
          result.stageTimes().forEach((stage, time) -> stageTimes.get(stage).record(time));
        }
        return results;
      } catch (RuntimeException e) {
        if (!running) {
          throw e;
        }
        LOG.warn("Analysis of a batch of {} documents failed ({}); analyzing them one at a time",
            documents.size(), e.toString());
      }
    }
    return documents.stream().map(this::analyze).toList();
  }

  private AnalyzedDocument analyze(Document document) {
    Timer.Sample sample = Timer.start();
    try {
      AnalyzedDocument result = analyzer.apply(document);
      result.stageTimes().forEach((stage, time) -> stageTimes.get(stage).record(time));
      return result;
    } catch (RuntimeException e) {
      if (!running) {
        throw e;
      }
      analysisFailures.increment();
      LOG.error("Analysis failed for {} / {}; indexing it without analysis", document.source(), document.id(), e);
      return new AnalyzedDocument(FailedAnalysis.of(document, e), null);
    } finally {
      sample.stop(analysisTime);
    }
  }

  /** Refreshes the index, then forgets pending entries that readers can now see there. */
  private void publishVisible() {
    List<Visible> batch = new ArrayList<>();
    for (Visible v; (v = awaitingRefresh.poll()) != null; ) {
      batch.add(v);
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      index.refresh();
      for (Visible v : batch) {
        pending.remove(v.key, v.entry);
      }
    } catch (IOException | RuntimeException e) {
      awaitingRefresh.addAll(batch);
      LOG.error("Index refresh failed", e);
    }
  }

  private void commitQuietly() {
    try {
      commit();
    } catch (IOException | RuntimeException e) {
      LOG.error("Index commit failed; the journal keeps everything since the last commit", e);
    }
  }

  private void commit() throws IOException {
    synchronized (commitLock) {
      commitThroughWatermark();
    }
  }

  private void commitThroughWatermark() throws IOException {
    long watermark;
    synchronized (this) {
      watermark = inFlight.isEmpty() ? journal.nextSeq() - 1 : inFlight.first() - 1;
    }
    if (watermark <= committedSeq) {
      return;
    }
    index.commit(Map.of(COMMITTED_SEQ, Long.toString(watermark)));
    committedSeq = watermark;
    journal.truncateThrough(watermark);
  }

  private int retryAfterSeconds() {
    return drainRate.retryAfterSeconds(queue.size());
  }

  private Object stripe(DocumentKey key) {
    return stripes[Math.floorMod(key.hashCode(), STRIPES)];
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

  private record Existing(String contentHash, CompletableFuture<IndexedDocument> indexed) {}

  private record Visible(DocumentKey key, Pending entry) {}

  /** A queued document, urgent first, then in the order accepted. */
  private record Job(long seq, boolean urgent, DocumentKey key) implements Comparable<Job> {
    @Override
    public int compareTo(Job other) {
      if (urgent != other.urgent) {
        return urgent ? -1 : 1;
      }
      return Long.compare(seq, other.seq);
    }
  }

  /** The latest accepted version of a key until the index shows it; a null document marks an erase. */
  private static final class Pending {
    final long seq;
    final String contentHash;
    final Document document;
    final CompletableFuture<IndexedDocument> indexed = new CompletableFuture<>();

    Pending(long seq, String contentHash, Document document) {
      this.seq = seq;
      this.contentHash = contentHash;
      this.document = document;
    }

    static Pending deletedAt(long seq) {
      Pending marker = new Pending(seq, "", null);
      marker.indexed.complete(null);
      return marker;
    }

    boolean deleted() {
      return document == null;
    }
  }
}
