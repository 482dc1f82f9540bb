package it.encaptio.application;

import io.encaptio.application.TenantProvisioning.Step;
import io.encaptio.application.TenantProvisioning.StepCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Interrupts a provisioning run right after a chosen step, as a crash or a lost connection would:
 * deployed only with the provisioning test.
 */
@ApplicationScoped
public class ProvisioningFault {

  static volatile Step failAfter;

  /** The exception that stands for the process dying. */
  static final class SimulatedCrash extends RuntimeException {
    SimulatedCrash(Step step) {
      super("simulated crash after " + step);
    }
  }

  void interrupt(@Observes StepCompleted completed) {
    if (completed.step() == failAfter) {
      throw new SimulatedCrash(completed.step());
    }
  }
}
