package io.encaptio.infrastructure.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.encaptio.domain.content.Embeddings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Stopping the models releases their ONNX sessions (native memory that would otherwise outlive a
 * restart of the application, ONNX Runtime being in the server's shared library), never under a
 * call that is still running.
 */
class OnnxEmbeddingModelsTest {

  private static final String MODEL = "all-minilm-l6-v2";

  @Test
  void aClosedModelsSessionIsReleased() {
    OnnxModel model =
        OnnxModel.load(
            AllMiniLmL6V2EmbeddingModel.class, MODEL, PoolingMode.MEAN, 1, Runnable::run);
    assertThat(model.embed("a question").content().vector()).hasSize(384);

    model.close();

    assertThatThrownBy(() -> model.embed("a question"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  /**
   * A batch's texts run on the models' threads, not its caller's: stopping lets the batch under way
   * finish (or refuses it whole if it had not begun) before any session closes, and returns only
   * then; calls after the stop are refused.
   */
  @Test
  void stoppingLetsTheBatchUnderWayFinishThenRefusesCalls() throws Exception {
    OnnxEmbeddingModels models = OnnxEmbeddingModels.standalone();
    Embeddings loaded = models.model(MODEL);
    assertThat(loaded.embedQuery("a question")).hasSize(384);
    Embeddings neverLoaded = models.model("bge-small-en-v1.5-q");
    List<String> texts =
        IntStream.range(0, 300).mapToObj(i -> "Passage number " + i + " of the batch").toList();
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<List<float[]>> batch = caller.submit(() -> loaded.embed(texts));
      Thread.sleep(200); // the batch is under way (300 texts take seconds)

      models.stop();

      assertThat(batch.isDone()).as("the stop waited for the batch").isTrue();
      try {
        assertThat(batch.get()).hasSize(300).allSatisfy(v -> assertThat(v).hasSize(384));
      } catch (ExecutionException refused) {
        assertThat(refused.getCause())
            .as("a batch that had not begun is refused whole")
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("is closed");
      }
    } finally {
      caller.shutdownNow();
    }
    assertThatThrownBy(() -> loaded.embedQuery("a question"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(MODEL + " is closed");
    assertThatThrownBy(() -> neverLoaded.embedQuery("a question"))
        .as("a model not loaded before the stop is not loaded after it")
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closingWaitsForTheCallUnderWayAndLeavesTheSessionOpenWhileItRuns() throws Exception {
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<OnnxModel> made = new AtomicReference<>();
    // The loader blocks inside the first call, which holds the model's calls lock meanwhile.
    OnnxEmbeddings embeddings =
        new OnnxEmbeddings(
            MODEL,
            "MiniLM",
            128,
            "",
            executor -> {
              loading.countDown();
              await(release);
              made.set(
                  OnnxModel.load(
                      AllMiniLmL6V2EmbeddingModel.class, MODEL, PoolingMode.MEAN, 1, executor));
              return made.get();
            },
            Runnable::run);
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<float[]> call = caller.submit(() -> embeddings.embedQuery("a question"));
      assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();

      assertThat(embeddings.close(Duration.ofMillis(200)))
          .as("not closed under the running call")
          .isFalse();
      release.countDown();
      assertThat(call.get(30, TimeUnit.SECONDS)).as("the running call ends well").hasSize(384);
      assertThat(embeddings.close(Duration.ofSeconds(10))).isTrue();
      assertThatThrownBy(() -> embeddings.embedQuery("a question"))
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> made.get().embed("a question"))
          .as("the session itself is closed")
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    } finally {
      release.countDown();
      caller.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
