package io.encaptio.application.internal;

import io.encaptio.domain.job.Job;
import io.encaptio.domain.job.JobQueue;
import io.encaptio.domain.notification.Channel;
import io.encaptio.domain.notification.Delivery;
import io.encaptio.domain.notification.HookFailedException;
import io.encaptio.domain.notification.HookSender;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one e-mail (a digest when several of a kind wait for the person) or posts to one hook.
 * Posts are made outside any transaction; every failed attempt is counted on the delivery with its
 * error, the job is retried after {@code encaptio.notifications.retry.seconds} (one delay per
 * attempt), and after the queue's last attempt, or at once when the hook's answer says trying again
 * cannot help, the delivery is failed and shows so in the delivery log.
 */
@ApplicationScoped
public class DeliverNotificationJob implements JobHandler {

  private static final Logger LOG = Logger.getLogger(DeliverNotificationJob.class.getName());

  @EJB NotificationSteps steps;
  @Inject HookSender hooks;

  /** At most one e-mail per person and kind within this many minutes; the rest wait for it. */
  @Inject
  @ConfigProperty(name = "encaptio.notifications.digest.minutes", defaultValue = "15")
  double digestMinutes;

  /** The waits before the second, third, ... attempt, in seconds. */
  @Inject
  @ConfigProperty(name = "encaptio.notifications.retry.seconds", defaultValue = "5,30,120,600")
  String retrySeconds;

  @Override
  public String kind() {
    return JobQueue.DELIVER_NOTIFICATION;
  }

  @Override
  public Duration backoff(Job job) {
    List<Long> delays =
        Arrays.stream(retrySeconds.split(",")).map(String::strip).map(Long::parseLong).toList();
    return Duration.ofSeconds(delays.get(Math.min(job.attempt(), delays.size()) - 1));
  }

  @Override
  public void handle(Job job) {
    Optional<Delivery> delivery = steps.pending(job.subjectId());
    if (delivery.isEmpty()) {
      return;
    }
    try {
      if (delivery.get().channel() == Channel.EMAIL) {
        steps.mail(job.subjectId(), Duration.ofMillis((long) (digestMinutes * 60_000)));
      } else {
        post(job);
      }
    } catch (HookFailedException refused) {
      boolean last = job.lastAttempt() || !refused.retryable();
      steps.attemptFailed(job.subjectId(), refused.getMessage(), last);
      if (!refused.retryable()) {
        throw new IllegalArgumentException(refused.getMessage(), refused); // gives the job up
      }
      throw refused;
    } catch (RuntimeException failed) {
      steps.attemptFailed(job.subjectId(), message(failed), job.lastAttempt());
      throw failed;
    }
  }

  private void post(Job job) {
    Optional<NotificationSteps.HookCall> call = steps.hookCall(job.subjectId());
    if (call.isEmpty()) {
      return;
    }
    NotificationSteps.HookCall c = call.get();
    String answer = hooks.post(c.channel(), c.url(), c.text(), c.link(), c.open());
    steps.sent(job.subjectId());
    LOG.fine(() -> "Notification delivery " + job.subjectId() + " posted: " + answer);
  }

  /** The innermost message: an EJB wraps what the step threw. */
  private static String message(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}
