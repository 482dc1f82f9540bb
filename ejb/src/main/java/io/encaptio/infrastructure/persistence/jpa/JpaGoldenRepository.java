package io.encaptio.infrastructure.persistence.jpa;

import io.encaptio.domain.ai.GoldenQuestion;
import io.encaptio.domain.ai.GoldenRepository;
import io.encaptio.domain.ai.GoldenResult;
import io.encaptio.domain.ai.GoldenRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaGoldenRepository implements GoldenRepository {

  @Inject TenantEntityManager entityManager;

  @Override
  public List<GoldenQuestion> questions(UUID capsuleId) {
    return entityManager
        .current()
        .createQuery(
            "select q from GoldenQuestion q where q.capsuleId = :capsule order by q.createdAt, q.id",
            GoldenQuestion.class)
        .setParameter("capsule", capsuleId)
        .getResultList();
  }

  @Override
  public boolean hasQuestions(UUID capsuleId) {
    return !entityManager
        .current()
        .createQuery("select q.id from GoldenQuestion q where q.capsuleId = :capsule", UUID.class)
        .setParameter("capsule", capsuleId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public Optional<GoldenQuestion> question(UUID id) {
    return Optional.ofNullable(entityManager.current().find(GoldenQuestion.class, id));
  }

  @Override
  public void add(GoldenQuestion question) {
    entityManager.current().persist(question);
  }

  @Override
  public void remove(GoldenQuestion question) {
    entityManager.current().remove(question);
  }

  @Override
  public void add(GoldenRun run) {
    entityManager.current().persist(run);
  }

  @Override
  public Optional<GoldenRun> run(UUID id) {
    return Optional.ofNullable(entityManager.current().find(GoldenRun.class, id));
  }

  @Override
  public List<GoldenRun> runs(UUID capsuleId, int max) {
    return entityManager
        .current()
        .createQuery(
            "select r from GoldenRun r where r.capsuleId = :capsule order by r.queuedAt desc, r.id",
            GoldenRun.class)
        .setParameter("capsule", capsuleId)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public boolean hasQueuedRun(UUID capsuleId) {
    return entityManager
            .current()
            .createQuery(
                "select count(r) from GoldenRun r where r.capsuleId = :capsule and r.status = 'queued'",
                Long.class)
            .setParameter("capsule", capsuleId)
            .getSingleResult()
        > 0;
  }

  @Override
  public void add(GoldenResult result) {
    entityManager.current().persist(result);
  }

  @Override
  public List<GoldenResult> results(UUID runId) {
    return entityManager
        .current()
        .createQuery(
            "select r from GoldenResult r where r.runId = :run order by r.question, r.id",
            GoldenResult.class)
        .setParameter("run", runId)
        .getResultList();
  }

  @Override
  public Optional<GoldenRun> lastDone(UUID capsuleId, UUID except) {
    return entityManager
        .current()
        .createQuery(
            "select r from GoldenRun r where r.capsuleId = :capsule and r.status = 'done'"
                + " and r.id <> :except order by r.finishedAt desc, r.id",
            GoldenRun.class)
        .setParameter("capsule", capsuleId)
        .setParameter("except", except)
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst();
  }
}
