package org.voc.service.cli;

import java.nio.file.Path;
import org.voc.service.config.ConfigLoader;
import org.voc.service.config.VocConfig;
import picocli.CommandLine.Option;

/** The options every command that reads the configuration shares. */
final class ConfigOptions {

  @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: $VOC_CONFIG, else ./voc.yaml if present)")
  Path configFile;

  @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080, or $VOC_PORT)")
  Integer port;

  @Option(names = "--host", paramLabel = "ADDRESS", description = "address to listen on (default 127.0.0.1, or $VOC_HOST)")
  String host;

  @Option(names = "--data", paramLabel = "DIR", description = "data directory for index and journal (default ./data, or $VOC_DATA)")
  Path data;

  VocConfig load() {
    return new ConfigLoader(System.getenv(), Path.of("").toAbsolutePath())
        .load(new ConfigLoader.Overrides(configFile, host, port, data));
  }
}
