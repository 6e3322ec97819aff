package io.articlepipeline.e2e.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Hostile requests for every HTTP endpoint of ingest, search and ops, generated from a seed (the
 * same seed, the same requests): broken encodings, control, zero-width and bidi characters, deep
 * nesting, huge numbers, duplicate keys, wrong and missing content types, bodies at and over the
 * limits, path and query injection, long and many headers, and slow or half-closed connections.
 *
 * <p>Tokens are real where a request must get past authentication to reach the code under test,
 * but never on a request that could change the pipeline if it were valid (replay, reprocess,
 * reindex): those get malformed bodies, a wrong token or none.
 */
final class FuzzCases {

  /** One request: which service, what it probes, the exact bytes, and how they are sent. */
  record Case(String service, String probe, byte[] request, RawHttp.Delivery delivery) {
  }

  private static final Charset GBK = Charset.forName("GBK");
  static final String ID_PREFIX = "fuzz-";

  private static final String[] WEIRD = {
      "\u0000", "\u0001", "\u001b[31m", "\u007f", "\u200b", "\u200d", "\u2028", "\u2029", "\u202e", "\u2066",
      "\ufeff", "\ufffd", "\ud83d\ude00", "\u0301\u0301\u0301", "'", "\"", "\\", "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>", "javascript:alert(1)", "${jndi:ldap://x/a}", "{{7*7}}", "%00", "%s%n",
      "../../etc/passwd", "' OR 1=1 --", "慈善總會", "\t\r\n", "a".repeat(300), "😀".repeat(50)};

  private static final String[] QUERY_SYNTAX = {
      "*", "?", "title:*", "body:/.*/", "a AND (b OR", "\"unclosed", "~1", "^10", "[* TO *]", "{!lucene}",
      "q=1&q=2", "%", "%zz", "%E4%B8", "%C0%AF", "%F0%9F%98", "+-&&||!(){}[]^\"~*?:\\/", "慈善 基金会"};

  private final Random random;
  private final String submitToken;
  private final String opsToken;
  private int serial;

  FuzzCases(long seed, String submitToken, String opsToken) {
    this.random = new Random(seed);
    this.submitToken = submitToken;
    this.opsToken = opsToken;
  }

  /** {@code count} cases spread over the three services. */
  List<Case> generate(int count, int maxBodyBytes) {
    List<Function<Integer, Case>> kinds = List.of(
        n -> jsonArticle(),
        n -> rawArticleBytes(),
        n -> pastedPage(),
        n -> batch(),
        // megabytes each: one in eight turns of this kind, the others a hostile article
        n -> (n / 14) % 8 == 0 ? oversized(maxBodyBytes) : jsonArticle(),
        n -> ingestPath(),
        n -> searchQuery(),
        n -> indexPath(),
        n -> opsRead(),
        n -> opsWrite(),
        n -> headers(),
        n -> methods(),
        n -> requestLine(),
        n -> delivery());
    List<Case> cases = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      cases.add(kinds.get(i % kinds.size()).apply(i));
    }
    return cases;
  }

  // ---------------------------------------------------------------- ingest

  private Case jsonArticle() {
    String id = ID_PREFIX + (serial++);
    String body = switch (random.nextInt(14)) {
      case 0 -> "{\"id\":\"" + id + "\",\"title\":\"" + weird() + "\",\"body\":\"" + weird() + weird() + "\"}";
      case 1 -> nested(1 + random.nextInt(20_000));
      case 2 -> "{\"id\":\"" + id + "\",\"revision\":" + hugeNumber() + ",\"title\":\"t\",\"body\":\"b\"}";
      case 3 -> "{\"id\":\"" + id + "\",\"id\":\"" + id + "x\",\"title\":\"t\",\"title\":7,\"body\":\"b\"}";
      case 4 -> "{\"id\":" + randomJsonValue() + ",\"title\":" + randomJsonValue() + ",\"body\":" + randomJsonValue() + "}";
      case 5 -> "{\"id\":\"" + id + "\",\"title\":\"t\",\"body\":\"b\",\"url\":\"" + pick(new String[] {
          "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "http://", "//evil", "http://[::1", "ftp://x",
          "http://a b", "https://例子.测试/路径?q=<>"}) + "\"}";
      case 6 -> "{\"id\":\"" + id + "\",\"title\":\"t\",\"body\":\"b\",\"publishedAt\":\"" + pick(new String[] {
          "2026-13-45T99:99:99Z", "-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "yesterday", "", "1e99"}) + "\"}";
      case 7 -> "{\"id\":\"" + id + "\",\"title\":\"t\",\"body\":\"b\",\"language\":\"" + weird() + "\"}";
      case 8 -> "[" + "{\"id\":\"" + id + "\"}," .repeat(random.nextInt(5)) + "]";
      case 9 -> "{\"id\":\"" + id + "\",\"title\":\"t\",\"body\":\"b\"" + "}".repeat(random.nextInt(3));
      case 10 -> "";
      case 11 -> "null";
      case 12 -> "{\"id\":\"" + weird() + "\",\"title\":\"t\",\"body\":\"b\"}";
      default -> "{\"" + weird() + "\":\"" + weird() + "\"}";
    };
    return post("ingest", "POST /api/articles json", "/api/articles", contentType(), submitToken(),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private Case rawArticleBytes() {
    String id = ID_PREFIX + (serial++);
    String text = "{\"id\":\"" + id + "\",\"title\":\"西藏举行公益慈善项目筹募会\",\"body\":\"中国扶贫基金会在拉萨举行筹募会。\"}";
    byte[] bytes = switch (random.nextInt(6)) {
      case 0 -> text.getBytes(GBK); // GBK bytes labelled UTF-8
      case 1 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)); // BOM
      case 2 -> mutate(text.getBytes(StandardCharsets.UTF_8)); // invalid UTF-8 sequences spliced in
      case 3 -> text.getBytes(StandardCharsets.UTF_16);
      case 4 -> randomBytes(1 + random.nextInt(4096));
      default -> truncate(text.getBytes(StandardCharsets.UTF_8));
    };
    return post("ingest", "POST /api/articles bytes", "/api/articles", "application/json; charset=UTF-8", submitToken(),
        bytes);
  }

  private Case pastedPage() {
    String query = random.nextBoolean() ? "" : "?" + pick(new String[] {
        "title=" + encode(weird()), "id=" + encode(weird()), "revision=" + hugeNumber(), "revision=-1",
        "url=javascript:alert(1)", "title=&title=", "%zz=1", "language=" + encode(weird())});
    byte[] body = switch (random.nextInt(4)) {
      case 0 -> ("标题\n\n" + weird() + "\n正文" + weird()).getBytes(StandardCharsets.UTF_8);
      case 1 -> randomBytes(random.nextInt(2048));
      case 2 -> "西藏举行公益慈善项目筹募会\n\n中国扶贫基金会举行筹募会。".getBytes(GBK);
      default -> new byte[0];
    };
    return post("ingest", "POST /api/articles text/plain", "/api/articles" + query,
        pick(new String[] {"text/plain", "text/plain; charset=UTF-8", "text/plain; charset=gbk", "text/plain; charset=nonsense"}),
        submitToken(), body);
  }

  private Case batch() {
    StringBuilder lines = new StringBuilder();
    int n = 1 + random.nextInt(20);
    boolean array = random.nextInt(4) == 0;
    if (array) {
      lines.append('[');
    }
    for (int i = 0; i < n; i++) {
      String line = switch (random.nextInt(6)) {
        case 0 -> "{\"id\":\"" + ID_PREFIX + (serial++) + "\",\"title\":\"t" + weird() + "\",\"body\":\"b\"}";
        case 1 -> weird();
        case 2 -> nested(1 + random.nextInt(5_000));
        case 3 -> "{\"id\":\"" + ID_PREFIX + (serial++) + "\",\"revision\":" + hugeNumber() + "}";
        case 4 -> "";
        default -> "{\"title\":" + randomJsonValue() + "}";
      };
      lines.append(line).append(array ? (i + 1 < n ? "," : "") : "\n");
    }
    if (array && random.nextBoolean()) {
      lines.append(']');
    }
    return post("ingest", "POST /api/articles/batch", "/api/articles/batch",
        pick(new String[] {"application/x-ndjson", "application/json", "application/x-ndjson; charset=latin1", "text/csv"}),
        submitToken(), lines.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Bodies at, just over and far over the ingest limit (the server may answer before reading it all). */
  private Case oversized(int maxBodyBytes) {
    int size = switch (random.nextInt(3)) {
      case 0 -> maxBodyBytes;
      case 1 -> maxBodyBytes + 1;
      default -> maxBodyBytes * 3;
    };
    String prefix = "{\"id\":\"" + ID_PREFIX + (serial++) + "\",\"title\":\"t\",\"body\":\"";
    byte[] body = new byte[size];
    byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, body, 0, head.length);
    for (int i = head.length; i < size - 2; i++) {
      body[i] = 'x';
    }
    body[size - 2] = '"';
    body[size - 1] = '}';
    return post("ingest", "POST /api/articles at/over limit", "/api/articles", "application/json", submitToken(), body);
  }

  private Case ingestPath() {
    String id = pick(new String[] {"..%2f..%2fetc%2fpasswd", "%00", "%2e%2e", "a%20b", "%E6%85%88", "x".repeat(5000),
        encode(weird()), "fuzz-1;jsessionid=x", "fuzz-1%0d%0aSet-Cookie:x=1", "%", "%zz", ".", "~"});
    String method = random.nextBoolean() ? "GET" : "DELETE";
    return request("ingest", method + " /api/articles/{id}", method, "/api/articles/" + id, null, submitToken(), null);
  }

  // ---------------------------------------------------------------- search (index service)

  private Case searchQuery() {
    StringBuilder query = new StringBuilder("q=").append(encodeMaybe(pick(QUERY_SYNTAX) + weird()));
    int extra = random.nextInt(5);
    for (int i = 0; i < extra; i++) {
      query.append('&').append(pick(new String[] {"page", "size", "from", "sort", "source", "category", "after",
          "organization", "keyword", "language", "date_from", "date_to", "q", "cursor", weird()}))
          .append('=').append(encodeMaybe(pick(new String[] {"-1", "0", hugeNumber(), "1e10", "NaN", "", weird(),
              "2026-99-99", "relevance", "date", "eyJ4Ijp7fX0=", "%zz"})));
    }
    if (random.nextInt(20) == 0) {
      query.append("&p=x".repeat(2000));
    }
    String path = pick(new String[] {"/api/search?", "/api/suggest?prefix=" + encodeMaybe(weird()) + "&", "/api/search?"});
    return request("index", "GET search/suggest", "GET", path + query, null, null, null);
  }

  private Case indexPath() {
    String id = pick(new String[] {"..%2f..%2f_cluster%2fhealth", "_search", "%2A", "articles%2F_doc%2F1", "%00",
        "x".repeat(3000), encode(weird()), "%", "a/b/c"});
    String method = random.nextInt(5) == 0 ? "POST" : "GET";
    if (random.nextInt(3) == 0) { // the article status: submit token
      String path = "/api/articles/" + id + "/status" + (random.nextBoolean() ? "" : "?revision="
          + encodeMaybe(pick(new String[] {"-1", hugeNumber(), "x", "1e3", "", weird()})));
      return request("index", method + " /api/articles/{id}/status", method, path, null, submitToken(), null);
    }
    String path = random.nextBoolean() ? "/api/articles/" + id : "/api/articles/" + id + "/similar?size="
        + encodeMaybe(pick(new String[] {"-5", hugeNumber(), "x", "10000", ""}));
    return request("index", method + " /api/articles/{id}", method, path, null, null, null);
  }

  // ---------------------------------------------------------------- ops

  private Case opsRead() {
    String path = pick(new String[] {"/api/ops/topics", "/api/ops/groups", "/api/ops/dead-letters", "/api/ops/schemas",
        "/api/ops/health", "/api/ops/reprocess", "/api/admin/reindex"});
    String query = random.nextBoolean() ? "" : "?" + pick(new String[] {"topic=", "topic=" + encode(weird()),
        "limit=" + hugeNumber(), "limit=-1", "group=" + encode(weird()), "%zz", "topic=../../x"});
    String service = path.startsWith("/api/admin") ? "index" : "ops";
    String token = pick(new String[] {opsToken, opsToken, submitToken, "", "x".repeat(10_000), opsToken + "\u0000"});
    return request(service, "GET " + path, "GET", path + query, null, token, null);
  }

  private Case opsWrite() {
    String path = pick(new String[] {"/api/ops/dead-letters/" + encodeMaybe(pick(new String[] {
        "articles.submitted.dlq", "..%2f", "x".repeat(500), weird()})) + "/replay", "/api/ops/reprocess", "/api/admin/reindex"});
    String service = path.startsWith("/api/admin") ? "index" : "ops";
    // a valid request here would change the pipeline: the ops token only ever comes with a broken body
    boolean withOps = random.nextBoolean() && path.contains("replay");
    String token = withOps ? opsToken : pick(new String[] {submitToken, null, "wrong", "Bearer", "\u202e" + opsToken});
    byte[] body = withOps
        ? pick(new String[] {"{", "{\"all\":\"yes\"}", "{\"records\":[{\"partition\":\"x\",\"offset\":" + hugeNumber() + "}]}",
            nested(10_000), "\u0000", "[]", "{\"all\":1e999}"}).getBytes(StandardCharsets.UTF_8)
        : "{\"all\":true}".getBytes(StandardCharsets.UTF_8);
    return post(service, "POST " + path.replaceAll("/dead-letters/.*/replay", "/dead-letters/{topic}/replay"), path,
        withOps ? contentType() : "application/json", token, body);
  }

  // ---------------------------------------------------------------- protocol level, any service

  private Case headers() {
    String service = pick(new String[] {"ingest", "index", "ops"});
    List<String> extra = new ArrayList<>();
    switch (random.nextInt(6)) {
      case 0 -> extra.add("X-Long: " + "a".repeat(8_000 + random.nextInt(100_000)));
      case 1 -> {
        int n = 100 + random.nextInt(3_000);
        for (int i = 0; i < n; i++) {
          extra.add("X-H" + i + ": v");
        }
      }
      case 2 -> extra.add("Authorization: Bearer " + "z".repeat(random.nextInt(60_000)));
      case 3 -> extra.add("Authorization: " + pick(new String[] {"Basic YTpi", "Bearer", "Bearer  ", "bearer " + submitToken,
          "Bearer " + submitToken + " extra", "Bearer \u00ff\u00fe"}));
      case 4 -> extra.add(pick(new String[] {"Content-Length: -1", "Content-Length: 99999999999999", "Transfer-Encoding: chunked",
          "Transfer-Encoding: gzip, chunked", "Content-Encoding: gzip", "Expect: 100-continue", "Accept: application/xml",
          "Accept-Charset: ebcdic", "Range: bytes=-1", "X-Forwarded-For: ' OR 1=1"}));
      default -> extra.add(weird().replace("\r", "").replace("\n", "") + ": " + weird().replace("\r", "").replace("\n", ""));
    }
    String target = switch (service) {
      case "ingest" -> "/api/articles/" + ID_PREFIX + "h";
      case "index" -> "/api/search?q=x";
      default -> "/api/ops/topics";
    };
    return raw(service, "headers", "GET " + target + " HTTP/1.1\r\n", extra, new byte[0], submitToken, service);
  }

  private Case methods() {
    String service = pick(new String[] {"ingest", "index", "ops"});
    String method = pick(new String[] {"PUT", "PATCH", "TRACE", "OPTIONS", "HEAD", "CONNECT", "PROPFIND", "GETT", "get"});
    String path = switch (service) {
      case "ingest" -> pick(new String[] {"/api/articles", "/api/articles/batch", "/", "/config.json"});
      case "index" -> pick(new String[] {"/api/search", "/api/suggest", "/", "/actuator/health", "/actuator/env"});
      default -> pick(new String[] {"/api/ops/topics", "/api/ops/reprocess", "/", "/actuator/prometheus"});
    };
    byte[] body = random.nextBoolean() ? "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8) : null;
    return request(service, method + " (other methods)", method, path, body == null ? null : "application/json",
        service.equals("ops") ? opsToken : submitToken, body);
  }

  private Case requestLine() {
    String service = pick(new String[] {"ingest", "index", "ops"});
    String line = pick(new String[] {
        "GET /api/search?q=" + weird().replace("\r", "").replace("\n", "") + " HTTP/1.1\r\n",
        "GET /api/search?q[]=1&q{}=2 HTTP/1.1\r\n",
        "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n",
        "GET /api/../../etc/passwd HTTP/1.1\r\n",
        "GET /api/%2e%2e/%2e%2e/actuator/env HTTP/1.1\r\n",
        "GET http://evil.example/api/search HTTP/1.1\r\n",
        "GET * HTTP/1.1\r\n",
        "GET /api/search HTTP/9.9\r\n",
        "GET /api/search\r\n",
        "\r\n\r\nGET /api/search HTTP/1.1\r\n",
        "GET /api/search?q=%C0%AE%C0%AE HTTP/1.1\r\n",
        "GET /api/articles/\u00ff\u00fe HTTP/1.1\r\n"});
    return raw(service, "request line", line, List.of(), new byte[0], null, service);
  }

  private Case delivery() {
    RawHttp.Delivery how = random.nextBoolean() ? RawHttp.Delivery.HALF_CLOSED : RawHttp.Delivery.SLOW;
    Case base = switch (random.nextInt(3)) {
      case 0 -> jsonArticle();
      case 1 -> searchQuery();
      default -> opsRead();
    };
    byte[] request = base.request();
    if (how == RawHttp.Delivery.SLOW && request.length > 2048) {
      how = RawHttp.Delivery.HALF_CLOSED;
    }
    String probe = base.probe() + " " + how.name().toLowerCase();
    if (how == RawHttp.Delivery.HALF_CLOSED && random.nextInt(3) == 0) {
      // the client stops mid-request and closes its side: the server must give up on it at once
      request = java.util.Arrays.copyOf(request, Math.max(1, request.length - 1 - random.nextInt(Math.max(1, request.length / 3))));
      probe += " cut";
    }
    return new Case(base.service(), probe, request, how);
  }

  // ---------------------------------------------------------------- building blocks

  private Case post(String service, String probe, String path, String contentType, String token, byte[] body) {
    return request(service, probe, "POST", path, contentType, token, body);
  }

  private Case request(String service, String probe, String method, String path, String contentType, String token,
                       byte[] body) {
    List<String> headers = new ArrayList<>();
    if (contentType != null) {
      headers.add("Content-Type: " + contentType);
    }
    if (token != null) {
      headers.add("Authorization: Bearer " + token);
    }
    return raw(service, probe, method + " " + path + " HTTP/1.1\r\n", headers, body == null ? new byte[0] : body, null, service);
  }

  private Case raw(String service, String probe, String requestLine, List<String> headers, byte[] body, String token,
                   String target) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder(requestLine);
    head.append("Host: ").append(target).append("\r\n");
    head.append("Connection: close\r\n");
    boolean hasLength = false;
    for (String h : headers) {
      head.append(h).append("\r\n");
      hasLength |= h.regionMatches(true, 0, "Content-Length", 0, 14) || h.regionMatches(true, 0, "Transfer-Encoding", 0, 17);
    }
    if (token != null && headers.stream().noneMatch(h -> h.regionMatches(true, 0, "Authorization", 0, 13))) {
      head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    if (!hasLength && body.length > 0) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
    out.write(headBytes, 0, headBytes.length);
    out.write(body, 0, body.length);
    return new Case(service, probe, out.toByteArray(), RawHttp.Delivery.WHOLE);
  }

  private String submitToken() {
    return random.nextInt(10) == 0 ? pick(new String[] {opsToken, "", "wrong"}) : submitToken;
  }

  private String contentType() {
    return random.nextInt(8) == 0 ? pick(new String[] {"text/html", "application/xml", "application/json; charset=ebcdic",
        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "application/json;;;"})
        : "application/json";
  }

  private String weird() {
    return WEIRD[random.nextInt(WEIRD.length)];
  }

  private String hugeNumber() {
    return pick(new String[] {"1e999999", "-1e999999", "123456789012345678901234567890", "9223372036854775808",
        "-9223372036854775809", "0.0000000000000000000000001", "1" + "0".repeat(5000), "NaN", "Infinity", "-0"});
  }

  private String randomJsonValue() {
    return pick(new String[] {"null", "true", "[]", "{}", "1.5", hugeNumber(), "\"" + weird().replace("\"", "") + "\"",
        "[[[[[[1]]]]]]", "\"\\ud800\"", "\"\\u0000\""});
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  private byte[] mutate(byte[] bytes) {
    byte[] copy = bytes.clone();
    int flips = 1 + random.nextInt(8);
    for (int i = 0; i < flips; i++) {
      copy[random.nextInt(copy.length)] = (byte) pick(new int[] {0x80, 0xC0, 0xC1, 0xF5, 0xFF, 0xED, 0xE0, 0x00});
    }
    return copy;
  }

  private byte[] truncate(byte[] bytes) {
    return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
  }

  private byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private String encodeMaybe(String s) {
    return random.nextInt(4) == 0 ? s.replace(" ", "%20").replace("\r", "").replace("\n", "").replace("#", "%23")
        : encode(s);
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private <T> T pick(T[] options) {
    return options[random.nextInt(options.length)];
  }

  private int pick(int[] options) {
    return options[random.nextInt(options.length)];
  }
}
