package dev.vigil.scanner.domain.chain;

/**
 * Names of the family-specific entries in {@link ProviderObservation#evidence()}, shared by the
 * probers that write them and {@link ObservationEvaluator} that reads them.
 */
public final class ObservationKeys {

  /** Solana {@code getHealth}: {@code ok}, {@code behind} or {@code unhealthy}. */
  public static final String HEALTH = "health";

  /** Solana: slots behind the cluster, from the {@code getHealth} error data, when given. */
  public static final String SLOTS_BEHIND = "numSlotsBehind";

  /** HTTP API: whether the JSON path was found in the answer ({@code true}/{@code false}). */
  public static final String JSON_PATH_FOUND = "jsonPathFound";

  /** HTTP API: the value at the JSON path (text of a scalar, JSON of a container), bounded. */
  public static final String JSON_PATH_VALUE = "jsonPathValue";

  /** HTTP API: why the path could not be looked up (body not JSON, path not understood). */
  public static final String JSON_PATH_PROBLEM = "jsonPathProblem";

  /** Bitcoin: {@code verificationprogress} of {@code getblockchaininfo}. */
  public static final String VERIFICATION_PROGRESS = "verificationProgress";

  private ObservationKeys() {}
}
