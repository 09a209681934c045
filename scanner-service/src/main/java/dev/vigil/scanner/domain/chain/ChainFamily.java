package dev.vigil.scanner.domain.chain;

/** How a provider is spoken to. Also the {@code family} field of {@code ChainHealthObserved}. */
public enum ChainFamily {
  /** Ethereum JSON-RPC: any EVM chain, L1 or L2. */
  EVM,
  /** An OP Stack rollup node ({@code optimism_syncStatus}). */
  OP_STACK,
  /** Bitcoin Core JSON-RPC. */
  BITCOIN,
  /** Solana JSON-RPC. */
  SOLANA,
  /** CometBFT / Cosmos RPC ({@code /status}). */
  COSMOS,
  /** A plain HTTP API, e.g. an exchange's REST API. */
  HTTP
}
