package dev.vigil.alert.domain.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link NotifyConfig} from the generic tree of an alertmanager.yml-shaped document (maps,
 * lists, strings, numbers, booleans), checking every field. Unknown keys are errors, as in
 * Alertmanager, so a typo never silently disables a route.
 */
public final class NotifyConfigParser {

  /** Where secrets referenced by {@code *_file} fields and {@code ${VAR}} values come from. */
  public interface SecretSource {
    String file(String path);

    String env(String name);
  }

  private final SecretSource secrets;
  private Map<String, Object> global = Map.of();

  private NotifyConfigParser(SecretSource secrets) {
    this.secrets = secrets;
  }

  public static NotifyConfig parse(Map<String, Object> doc, SecretSource secrets, String extUrl) {
    return new NotifyConfigParser(secrets).config(doc == null ? Map.of() : doc, extUrl);
  }

  private NotifyConfig config(Map<String, Object> doc, String externalUrl) {
    ConfigNode root = new ConfigNode("", doc);
    root.only(
        "global",
        "route",
        "receivers",
        "inhibit_rules",
        "time_intervals",
        "mute_time_intervals",
        "templates");
    global = root.has("global") ? root.map("global").values() : Map.of();
    Map<String, List<TimeInterval>> intervals = new LinkedHashMap<>();
    for (String key : List.of("time_intervals", "mute_time_intervals")) {
      for (ConfigNode n : root.list(key)) {
        n.only("name", "time_intervals");
        intervals.put(n.string("name", null, true), timeIntervals(n.list("time_intervals")));
      }
    }
    Map<String, List<Integration>> receivers = new LinkedHashMap<>();
    for (ConfigNode n : root.list("receivers")) {
      String name = n.string("name", null, true);
      if (receivers.put(name, receiver(n)) != null) {
        throw new NotifyConfigException(n.path() + ".name", "duplicate receiver '" + name + "'");
      }
    }
    if (!root.has("route")) {
      throw new NotifyConfigException("route", "required");
    }
    ConfigNode routeNode = root.map("route");
    if (routeNode.has("matchers") || routeNode.has("match") || routeNode.has("continue")) {
      throw new NotifyConfigException("route", "the root route must not have matchers or continue");
    }
    Route tree = route(routeNode, null, "{}", 0, receivers, intervals);
    List<InhibitRule> inhibit = new ArrayList<>();
    for (ConfigNode n : root.list("inhibit_rules")) {
      n.only("source_matchers", "target_matchers", "equal");
      inhibit.add(
          new InhibitRule(
              matchers(n, "source_matchers"), matchers(n, "target_matchers"), n.strings("equal")));
    }
    return new NotifyConfig(tree, receivers, inhibit, intervals, externalUrl);
  }

  private Route route(
      ConfigNode n,
      Route parent,
      String parentKey,
      int index,
      Map<String, List<Integration>> receivers,
      Map<String, List<TimeInterval>> intervals) {
    n.only(
        "receiver",
        "group_by",
        "group_wait",
        "group_interval",
        "repeat_interval",
        "matchers",
        "match",
        "match_re",
        "continue",
        "routes",
        "mute_time_intervals",
        "active_time_intervals");
    String receiver = n.string("receiver", parent == null ? null : parent.receiver(), true);
    if (!receivers.containsKey(receiver)) {
      throw new NotifyConfigException(
          n.path() + ".receiver", "undefined receiver '" + receiver + "'");
    }
    List<LabelMatcher> matchers = matchers(n, "matchers");
    for (var e : n.map("match").values().entrySet()) {
      matchers.add(
          n.matcher("match." + e.getKey(), e.getKey(), LabelMatcher.Type.EQUAL, e.getValue()));
    }
    for (var e : n.map("match_re").values().entrySet()) {
      matchers.add(
          n.matcher("match_re." + e.getKey(), e.getKey(), LabelMatcher.Type.REGEX, e.getValue()));
    }
    List<String> groupBy = n.has("group_by") ? n.strings("group_by") : null;
    boolean all = groupBy != null && groupBy.contains("...");
    if (all && groupBy.size() > 1) {
      throw new NotifyConfigException(n.path() + ".group_by", "'...' must be the only entry");
    }
    GroupTiming inherited = parent == null ? GroupTiming.DEFAULTS : parent.timing();
    GroupTiming timing;
    try {
      timing =
          new GroupTiming(
              n.duration("group_wait", inherited.groupWait()),
              n.duration("group_interval", inherited.groupInterval()),
              n.duration("repeat_interval", inherited.repeatInterval()));
    } catch (IllegalArgumentException e) {
      throw new NotifyConfigException(n.path(), e.getMessage());
    }
    List<String> mute = n.strings("mute_time_intervals");
    List<String> active = n.strings("active_time_intervals");
    for (String name : concat(mute, active)) {
      if (!intervals.containsKey(name)) {
        throw new NotifyConfigException(n.path(), "undefined time interval '" + name + "'");
      }
    }
    String key = parent == null ? "{}" : parentKey + "/" + LabelSets.format(matchers);
    // Alertmanager's Route.ID(): the key plus the index among siblings, unique in the tree.
    String id = parent == null ? key : key + "/" + index;
    List<ConfigNode> childNodes = n.list("routes");
    List<Route> children = new ArrayList<>();
    Route self =
        new Route(
            id,
            key,
            receiver,
            groupBy == null
                ? (parent == null ? List.of() : parent.groupBy())
                : (all ? List.of() : groupBy),
            groupBy == null ? parent != null && parent.groupByAll() : all,
            timing,
            matchers,
            n.bool("continue", false),
            mute,
            active,
            List.of());
    for (int i = 0; i < childNodes.size(); i++) {
      children.add(route(childNodes.get(i), self, key, i, receivers, intervals));
    }
    return new Route(
        id,
        key,
        receiver,
        self.groupBy(),
        self.groupByAll(),
        timing,
        matchers,
        self.continueMatching(),
        mute,
        active,
        children);
  }

  private List<Integration> receiver(ConfigNode n) {
    n.only("name", "webhook_configs", "slack_configs", "pagerduty_configs", "email_configs");
    List<Integration> out = new ArrayList<>();
    for (ConfigNode c : n.list("webhook_configs")) {
      c.only("url", "url_file", "send_resolved", "max_alerts", "http_config");
      int max = c.integer("max_alerts", 0);
      if (max < 0) {
        throw new NotifyConfigException(c.path() + ".max_alerts", "must not be negative");
      }
      out.add(
          new Integration.Webhook(
              url(c, secret(c, "url", null)), c.bool("send_resolved", true), max));
    }
    for (ConfigNode c : n.list("slack_configs")) {
      c.only("api_url", "api_url_file", "channel", "username", "send_resolved");
      String url = secret(c, "api_url", secretGlobal("slack_api_url"));
      out.add(
          new Integration.Slack(
              url(c, url),
              c.string("channel", null, false),
              c.string("username", null, false),
              c.bool("send_resolved", false)));
    }
    for (ConfigNode c : n.list("pagerduty_configs")) {
      c.only("routing_key", "routing_key_file", "url", "severity", "client_url", "send_resolved");
      String url =
          c.string("url", globalString("pagerduty_url", Integration.PagerDuty.DEFAULT_URL), true);
      out.add(
          new Integration.PagerDuty(
              secret(c, "routing_key", null),
              url(c, url),
              c.string("severity", "error", true),
              c.string("client_url", null, false),
              c.bool("send_resolved", true)));
    }
    for (ConfigNode c : n.list("email_configs")) {
      c.only(
          "to",
          "from",
          "smarthost",
          "auth_username",
          "auth_password",
          "auth_password_file",
          "require_tls",
          "send_resolved");
      String smarthost = c.string("smarthost", globalString("smtp_smarthost", null), true);
      int colon = smarthost.lastIndexOf(':');
      int port;
      try {
        port = Integer.parseInt(smarthost.substring(colon + 1));
      } catch (RuntimeException e) {
        throw new NotifyConfigException(c.path() + ".smarthost", "expected host:port");
      }
      List<String> to = List.of(c.string("to", null, true).split("\\s*,\\s*"));
      String password =
          c.has("auth_password") || c.has("auth_password_file")
              ? secret(c, "auth_password", null)
              : secretGlobal("smtp_auth_password");
      out.add(
          new Integration.Email(
              to,
              c.string("from", globalString("smtp_from", null), true),
              smarthost.substring(0, colon),
              port,
              c.string("auth_username", globalString("smtp_auth_username", null), false),
              password,
              c.bool("require_tls", Boolean.parseBoolean(globalString("smtp_require_tls", "true"))),
              c.bool("send_resolved", false)));
    }
    return out;
  }

  private List<TimeInterval> timeIntervals(List<ConfigNode> nodes) {
    List<TimeInterval> out = new ArrayList<>();
    for (ConfigNode n : nodes) {
      n.only("times", "weekdays", "days_of_month", "months", "years", "location");
      try {
        List<TimeInterval.Range> times = new ArrayList<>();
        for (ConfigNode t : n.list("times")) {
          t.only("start_time", "end_time");
          times.add(
              TimeInterval.time(
                  t.string("start_time", null, true), t.string("end_time", null, true)));
        }
        out.add(
            new TimeInterval(
                times,
                n.strings("weekdays").stream().map(TimeInterval::weekdays).toList(),
                n.strings("days_of_month").stream().map(TimeInterval::daysOfMonth).toList(),
                n.strings("months").stream().map(TimeInterval::months).toList(),
                n.strings("years").stream().map(TimeInterval::years).toList(),
                TimeInterval.location(n.string("location", null, false))));
      } catch (NotifyConfigException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new NotifyConfigException(n.path(), e.getMessage());
      }
    }
    return out;
  }

  private List<LabelMatcher> matchers(ConfigNode n, String key) {
    List<LabelMatcher> out = new ArrayList<>();
    List<String> texts = n.strings(key);
    for (int i = 0; i < texts.size(); i++) {
      try {
        out.add(LabelMatcher.parse(texts.get(i)));
      } catch (IllegalArgumentException e) {
        throw new NotifyConfigException(n.path() + "." + key + "[" + i + "]", e.getMessage());
      }
    }
    return out;
  }

  /** A secret field: the value, or {@code <key>_file}; {@code ${VAR}} reads the environment. */
  private String secret(ConfigNode n, String key, String fallback) {
    String value;
    if (n.has(key + "_file")) {
      String path = n.string(key + "_file", null, true);
      value = secrets.file(path);
      if (value == null) {
        throw new NotifyConfigException(n.path() + "." + key + "_file", "cannot read " + path);
      }
      value = value.trim();
    } else {
      value = n.string(key, fallback, true);
    }
    if (value.startsWith("${") && value.endsWith("}")) {
      String var = value.substring(2, value.length() - 1);
      value = secrets.env(var);
      if (value == null || value.isBlank()) {
        throw new NotifyConfigException(
            n.path() + "." + key, "environment variable " + var + " is not set");
      }
    }
    return value;
  }

  private String secretGlobal(String key) {
    ConfigNode g = new ConfigNode("global", global);
    return g.has(key) || g.has(key + "_file") ? secret(g, key, null) : null;
  }

  private String globalString(String key, String fallback) {
    Object v = global.get(key);
    return v == null ? fallback : String.valueOf(v);
  }

  private static String url(ConfigNode n, String url) {
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      // The URL may hold a token: never echo it.
      throw new NotifyConfigException(n.path(), "url must be an http:// or https:// URL");
    }
    return url;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
