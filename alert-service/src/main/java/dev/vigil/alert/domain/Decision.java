package dev.vigil.alert.domain;

/**
 * The outcome of the state machine for one alert instance.
 *
 * @param transition what happened (also the metric tag)
 * @param next the state to store; {@code null} when nothing is stored (no alert, nothing to do)
 */
public record Decision(AlertTransition transition, AlertState next) {

  static Decision none(AlertState current) {
    return new Decision(AlertTransition.NONE, current);
  }
}
