package io.encaptio.infrastructure.web;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.encaptio.domain.content.ContentRejectedException;
import java.net.URI;
import java.util.List;

/**
 * What one site's robots.txt lets Encaptio read, following Google's reading of RFC 9309: the group
 * for EncaptioBot, else the one for *; the longest matching Allow or Disallow wins (Allow on a
 * tie); {@code *} and {@code $} wildcards. A robots.txt that is missing (any 4xx) allows all; one
 * that cannot be read (5xx, unreachable) allows nothing, since the site may be saying "not now".
 */
final class RobotsRules {

  /** The product token robots.txt groups are matched against, case-insensitively. */
  static final String ROBOT_NAME = "encaptiobot";

  private final BaseRobotRules rules;
  private final String refusal;

  private RobotsRules(BaseRobotRules rules, String refusal) {
    this.rules = rules;
    this.refusal = refusal;
  }

  static RobotsRules parse(URI robotsTxt, byte[] content, String mediaType) {
    SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    return new RobotsRules(
        parser.parseContent(robotsTxt.toString(), content, mediaType, List.of(ROBOT_NAME)), null);
  }

  static RobotsRules allowAll() {
    return new RobotsRules(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), null);
  }

  /**
   * For a site whose robots.txt could not be read.
   *
   * @param refusal why no page of the site is read, for a person
   */
  static RobotsRules refusingAll(String refusal) {
    return new RobotsRules(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), refusal);
  }

  /**
   * @throws ContentRejectedException when the page may not be read
   */
  void check(URI page) {
    if (refusal != null) {
      throw new ContentRejectedException(refusal);
    }
    if (!rules.isAllowed(page.toString())) {
      String path =
          page.getRawPath() + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery());
      throw new ContentRejectedException(
          "robots.txt of " + page.getHost() + " does not allow Encaptio to read " + path + ".");
    }
  }
}
