package io.articlepipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is checked against the
 * services' own configuration: ports, environment variables, dependencies, images built from
 * modules that exist, Prometheus targets.
 */
class ComposeFileTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::[^}]*)?}");

  /** Compose service → module directory holding its application.yml. */
  private static final Map<String, String> APPS = Map.of(
      "ingest", "ingest-service",
      "enrich", "enrich-service/enrich-app",
      "index", "index-service",
      "ops", "ops-console");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> compose() throws IOException {
    LoaderOptions options = new LoaderOptions();
    return (Map<String, Object>) new Yaml(options).load(Files.readString(ROOT.resolve("docker-compose.yml")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) throws IOException {
    Map<String, Object> services = (Map<String, Object>) compose().get("services");
    assertThat(services).as("compose services").containsKey(name);
    return (Map<String, Object>) services.get(name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new LinkedHashMap<>();
    ((Map<String, Object>) service.getOrDefault("environment", Map.of()))
        .forEach((k, v) -> env.put(k, String.valueOf(v)));
    return env;
  }

  private static String applicationYml(String module) throws IOException {
    return Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.yml"));
  }

  /** Every property path of a YAML document, dotted and lower-case. */
  @SuppressWarnings("unchecked")
  private static Set<String> propertyPaths(Object node, String prefix, Set<String> out) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k;
        out.add(key.toLowerCase());
        propertyPaths(v, key, out);
      });
    }
    return out;
  }

  /** The environment variables an application.yml reads through ${NAME:default} placeholders. */
  private static Set<String> placeholders(String yml) {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(yml);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Test
  void everyServiceOfTheStackIsThere() throws IOException {
    for (String name : List.of("kafka-1", "kafka-2", "kafka-3", "schema-registry", "elasticsearch", "kafka-ui", "prometheus",
        "ingest", "enrich", "index", "ops")) {
      assertThat(service(name)).as(name).isNotEmpty();
    }
  }

  @Test
  void eachServiceListensOnTheUsualPortAndPublishesIt() throws IOException {
    for (Map.Entry<String, String> app : APPS.entrySet()) {
      Map<String, Object> yml = new Yaml().load(applicationYml(app.getValue()));
      @SuppressWarnings("unchecked")
      String port = String.valueOf(((Map<String, Object>) yml.get("server")).get("port"));
      Map<String, Object> service = service(app.getKey());
      assertThat(environment(service)).as(app.getKey()).containsEntry("SERVER_PORT", port);
      assertThat(String.valueOf(service.get("ports"))).as(app.getKey() + " ports").contains(":" + port + ":" + port);
    }
  }

  @Test
  void everyVariableComposeSetsIsOneTheServiceReads() throws IOException {
    for (Map.Entry<String, String> app : APPS.entrySet()) {
      String yml = applicationYml(app.getValue());
      // every service also reads the Kafka settings service-support adds to all of them
      String shared = Files.readString(ROOT.resolve("service-support/src/main/resources/pipeline-kafka-defaults.yml"));
      Set<String> read = placeholders(yml + "\n" + shared);
      Set<String> paths = propertyPaths(new Yaml().load(yml), "", new TreeSet<>());
      propertyPaths(new Yaml().load(shared), "", paths);
      List<String> unknown = new ArrayList<>();
      for (String variable : environment(service(app.getKey())).keySet()) {
        String asProperty = variable.toLowerCase().replace('_', '.');
        boolean known = read.contains(variable) || read.contains(asProperty)
            || paths.contains(asProperty) || paths.contains(variable.toLowerCase().replace('_', '-'))
            || variable.equals("SERVER_PORT")
            || variable.equals("JAVA_TOOL_OPTIONS") // the JVM's own: options such as the collector
            || relaxedMatch(paths, asProperty);
        if (!known) {
          unknown.add(variable);
        }
      }
      assertThat(unknown).as(app.getKey() + " sets variables its application.yml does not read").isEmpty();
    }
  }

  @Test
  void everyEndpointTheServiceReadsIsSetAndItsServerIsADependency() throws IOException {
    Map<String, String> serverOf = Map.of(
        "KAFKA_BOOTSTRAP_SERVERS", "kafka",
        "SCHEMA_REGISTRY_URL", "schema-registry",
        "ELASTICSEARCH_URL", "elasticsearch");
    for (Map.Entry<String, String> app : APPS.entrySet()) {
      Set<String> read = placeholders(applicationYml(app.getValue()));
      Map<String, Object> service = service(app.getKey());
      Map<String, String> env = environment(service);
      String dependsOn = String.valueOf(service.get("depends_on"));
      for (Map.Entry<String, String> endpoint : serverOf.entrySet()) {
        if (read.contains(endpoint.getKey())) {
          assertThat(env).as(app.getKey()).containsKey(endpoint.getKey());
          assertThat(env.get(endpoint.getKey())).as(app.getKey() + " " + endpoint.getKey()).contains(endpoint.getValue());
          assertThat(dependsOn).as(app.getKey() + " depends_on").contains(endpoint.getValue());
        }
      }
    }
  }

  @Test
  void tokensAreRequiredFromTheEnvironment() throws IOException {
    assertThat(environment(service("ingest")).get("SUBMIT_TOKEN")).contains("?");
    assertThat(environment(service("ops")).get("OPS_TOKEN")).contains("?");
    assertThat(applicationYml("ingest-service")).contains("${submit.token");
    // the article status on the index service takes the submit token
    assertThat(environment(service("index")).get("SUBMIT_TOKEN")).isEqualTo("${SUBMIT_TOKEN:?set SUBMIT_TOKEN}");
    assertThat(applicationYml("index-service")).contains("${submit.token");
    assertThat(applicationYml("ops-console")).contains("${ops.token");
    // every service's metrics need the ops token, so each one is given it
    for (Map.Entry<String, String> app : APPS.entrySet()) {
      assertThat(environment(service(app.getKey())).get("OPS_TOKEN")).as(app.getKey()).isEqualTo("${OPS_TOKEN:?set OPS_TOKEN}");
      assertThat(applicationYml(app.getValue())).as(app.getValue()).contains("${ops.token");
    }
  }

  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|CREDENTIAL).*");
  private static final Pattern ANY_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)([^}]*)}");

  @Test
  @SuppressWarnings("unchecked")
  void composeShipsNoDefaultSecrets() throws IOException {
    String text = Files.readString(ROOT.resolve("docker-compose.yml"));
    // a secret is only ever ${NAME:?message}: set by the user's environment or .env, else compose stops
    Matcher m = ANY_VARIABLE.matcher(text);
    int secrets = 0;
    while (m.find()) {
      if (SECRET_NAME.matcher(m.group(1)).matches()) {
        secrets++;
        assertThat(m.group(2)).as(m.group()).startsWith(":?").doesNotContain(":-").doesNotContain("-");
      }
    }
    assertThat(secrets).as("token variables in docker-compose.yml").isGreaterThanOrEqualTo(6);
    // and no service sets a secret-looking variable to a literal value
    Map<String, Object> services = (Map<String, Object>) compose().get("services");
    for (Map.Entry<String, Object> service : services.entrySet()) {
      environment((Map<String, Object>) service.getValue()).forEach((name, value) -> {
        if (SECRET_NAME.matcher(name).matches()) {
          assertThat(value).as(service.getKey() + " " + name).matches("\\$\\{[A-Za-z0-9_]+:\\?[^}]*}");
        }
      });
    }
    // Prometheus sends the ops token from the environment too
    Map<String, Object> configs = (Map<String, Object>) compose().get("configs");
    String prometheus = String.valueOf(((Map<String, Object>) configs.get("prometheus")).get("content"));
    assertThat(prometheus).contains("type: Bearer").contains("credentials: ${OPS_TOKEN:?set OPS_TOKEN}");
    // the env file a user creates for them is never committed
    assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
  }

  @Test
  @SuppressWarnings("unchecked")
  void imagesAreBuiltFromModulesThatExist() throws IOException {
    for (Map.Entry<String, String> app : APPS.entrySet()) {
      Map<String, Object> build = (Map<String, Object>) service(app.getKey()).get("build");
      Map<String, Object> args = (Map<String, Object>) build.get("args");
      String module = String.valueOf(args.get("MODULE"));
      assertThat(module).isEqualTo(app.getValue());
      String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
      String jar = String.valueOf(args.get("JAR"));
      assertThat(pom.contains("<finalName>" + jar + "</finalName>")
          || pom.contains("<finalName>${project.artifactId}</finalName>") && pom.contains("<artifactId>" + jar + "</artifactId>"))
          .as(module + " builds " + jar + ".jar").isTrue();
    }
    assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("ARG MODULE").contains("ARG JAR");
  }

  @Test
  @SuppressWarnings("unchecked")
  void prometheusScrapesEveryService() throws IOException {
    Map<String, Object> configs = (Map<String, Object>) compose().get("configs");
    String prometheus = String.valueOf(((Map<String, Object>) configs.get("prometheus")).get("content"));
    assertThat(prometheus).contains("/actuator/prometheus");
    for (Map.Entry<String, String> app : APPS.entrySet()) {
      String port = environment(service(app.getKey())).get("SERVER_PORT");
      assertThat(prometheus).contains(app.getKey() + ":" + port);
      assertThat(applicationYml(app.getValue())).contains("prometheus");
    }
  }

  private static final List<String> BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");

  @Test
  void kafkaIsThreeKraftNodesOfOneClusterThatKeepAcknowledgedRecords() throws IOException {
    Set<String> nodeIds = new TreeSet<>();
    for (String broker : BROKERS) {
      Map<String, String> env = environment(service(broker));
      assertThat(env).as(broker)
          .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
          .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093")
          .containsEntry("CLUSTER_ID", environment(service("kafka-1")).get("CLUSTER_ID"))
          // three copies, a write needs two in sync, a replica that fell behind never leads
          .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
          .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
          .containsEntry("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false")
          .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
          .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
          .containsEntry("KAFKA_MESSAGE_MAX_BYTES", "16777216");
      assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).as(broker).contains("PLAINTEXT://" + broker + ":9092");
      nodeIds.add(env.get("KAFKA_NODE_ID"));
    }
    assertThat(nodeIds).containsExactly("1", "2", "3");
    assertThat(environment(service("schema-registry")))
        .containsEntry("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "3");
  }

  @Test
  void everyPipelineTopicIsReplicatedThreeTimesWithTwoInSync() throws IOException {
    for (String app : APPS.keySet()) {
      Map<String, Object> service = service(app);
      Map<String, String> env = environment(service);
      assertThat(env).as(app)
          .containsEntry("PIPELINE_TOPIC_REPLICATION", "3")
          .containsEntry("PIPELINE_TOPIC_MIN_ISR", "2");
      for (String broker : BROKERS) {
        assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as(app + " bootstrap").contains(broker + ":9092");
        assertThat(String.valueOf(service.get("depends_on"))).as(app + " depends_on").contains(broker);
      }
    }
    // the services turn these variables into the topics' settings
    String shared = Files.readString(ROOT.resolve("service-support/src/main/resources/pipeline-kafka-defaults.yml"));
    assertThat(shared).contains("${PIPELINE_TOPIC_REPLICATION:1}").contains("min.insync.replicas: ${PIPELINE_TOPIC_MIN_ISR:1}");
  }

  /** PIPELINE_OPS_SERVICES_INGEST binds pipeline.ops.services.ingest whatever the dashes. */
  private static boolean relaxedMatch(Set<String> paths, String dotted) {
    String flat = dotted.replace(".", "");
    return paths.stream().anyMatch(p -> p.replace("-", "").replace(".", "").equals(flat));
  }
}
