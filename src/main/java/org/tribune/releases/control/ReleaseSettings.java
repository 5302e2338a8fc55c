package org.tribune.releases.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The release rules' numbers, from MicroProfile Config ({@code TRIBUNE_RELEASES_*} in the
 * environment; docs/api.md lists them), and the policies built from them.
 */
@ApplicationScoped
public class ReleaseSettings {

  @Inject
  @ConfigProperty(name = "tribune.releases.rating-min-hours", defaultValue = "24")
  long ratingMinHours;

  @Inject
  @ConfigProperty(name = "tribune.releases.rating-window-days", defaultValue = "7")
  long ratingWindowDays;

  @Inject
  @ConfigProperty(name = "tribune.releases.early-access-hours", defaultValue = "48")
  long earlyAccessHours;

  @Inject
  @ConfigProperty(name = "tribune.releases.tester-min-hours", defaultValue = "12")
  long testerMinHours;

  @Inject
  @ConfigProperty(name = "tribune.releases.bad-min-verdicts", defaultValue = "3")
  int badMinVerdicts;

  @Inject
  @ConfigProperty(name = "tribune.releases.fast-track-p0-reports", defaultValue = "2")
  int fastTrackReports;

  @Inject
  @ConfigProperty(name = "tribune.releases.rollout-steps", defaultValue = "1,2,5,10,20,50,100")
  String rolloutSteps;

  @Inject
  @ConfigProperty(name = "tribune.releases.rollout-days", defaultValue = "7")
  int rolloutDays;

  @Inject
  @ConfigProperty(name = "tribune.releases.follow-up-days", defaultValue = "3")
  long followUpDays;

  @Inject
  @ConfigProperty(name = "tribune.releases.verify-yes-answers", defaultValue = "3")
  int verifyYesAnswers;

  @Inject
  @ConfigProperty(name = "tribune.releases.brigade-sigmas", defaultValue = "4")
  double brigadeSigmas;

  @Inject
  @ConfigProperty(name = "tribune.releases.brigade-trailing-days", defaultValue = "7")
  int brigadeTrailingDays;

  @Inject
  @ConfigProperty(name = "tribune.releases.brigade-min-count", defaultValue = "10")
  long brigadeMinCount;

  @Inject
  @ConfigProperty(name = "tribune.releases.tester-missed-builds", defaultValue = "2")
  int testerMissedBuilds;

  @Inject
  @ConfigProperty(name = "tribune.releases.tester-cool-down-days", defaultValue = "30")
  long testerCoolDownDays;

  @Inject
  @ConfigProperty(name = "tribune.releases.rolling-builds", defaultValue = "4")
  int rollingBuilds;

  private final Clock clock = Clock.systemUTC();
  private RatingWindow ratingWindow;
  private BadBuildRule badBuildRule;
  private BrigadeDetector brigadeDetector;
  private TesterActivityRule testerActivity;

  @PostConstruct
  void init() {
    RolloutPlan.parseSteps(rolloutSteps);
    ratingWindow =
        new RatingWindow(Duration.ofHours(ratingMinHours), Duration.ofDays(ratingWindowDays));
    badBuildRule = new BadBuildRule(badMinVerdicts, fastTrackReports);
    brigadeDetector = new BrigadeDetector(brigadeSigmas, brigadeTrailingDays, brigadeMinCount);
    testerActivity =
        new TesterActivityRule(testerMissedBuilds, Duration.ofDays(testerCoolDownDays));
  }

  public Clock clock() {
    return clock;
  }

  public RatingWindow ratingWindow() {
    return ratingWindow;
  }

  public BadBuildRule badBuildRule() {
    return badBuildRule;
  }

  public BrigadeDetector brigadeDetector() {
    return brigadeDetector;
  }

  public TesterActivityRule testerActivity() {
    return testerActivity;
  }

  public Duration earlyAccess() {
    return Duration.ofHours(earlyAccessHours);
  }

  public Duration testerMinimumOnBuild() {
    return Duration.ofHours(testerMinHours);
  }

  public String defaultRolloutSteps() {
    return rolloutSteps;
  }

  public int defaultRolloutDays() {
    return rolloutDays;
  }

  public Duration followUpDeadline() {
    return Duration.ofDays(followUpDays);
  }

  public int verifyYesAnswers() {
    return verifyYesAnswers;
  }

  public int rollingBuilds() {
    return rollingBuilds;
  }
}
