package io.encaptio.application.internal;

import io.encaptio.domain.job.Job;
import io.encaptio.domain.job.JobQueue;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

/** Fans a notification out to the people and hooks that want it (see NotificationSteps#fanOut). */
@ApplicationScoped
public class NotifyJob implements JobHandler {

  @EJB NotificationSteps steps;

  @Override
  public String kind() {
    return JobQueue.NOTIFY;
  }

  @Override
  public void handle(Job job) {
    steps.fanOut(job.subjectId());
  }
}
