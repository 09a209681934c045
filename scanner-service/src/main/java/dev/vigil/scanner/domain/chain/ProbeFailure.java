package dev.vigil.scanner.domain.chain;

/** Why a call to a chain or API provider failed. A fixed set, so it can be a metric label. */
public enum ProbeFailure {
  /** Connection refused, DNS failure, reset. */
  UNREACHABLE,
  /** No complete answer within the timeout. */
  TIMEOUT,
  /** HTTP status other than expected. */
  HTTP_STATUS,
  /** The body was not JSON, or not the JSON-RPC shape. */
  MALFORMED_RESPONSE,
  /** The body exceeded the size cap. */
  RESPONSE_TOO_LARGE,
  /** A JSON-RPC error object. */
  RPC_ERROR,
  /** The address is on the scanner's deny list. */
  DENIED_BY_POLICY
}
