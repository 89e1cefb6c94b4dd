// Sealing and receipts, shared by the bidder's browser, the server, the CLI and
// the benchmark (docs/decisions/0009): bytes and canonical JSON, public-key boxes,
// key holders' keys, the tender's opening key ceremony, sealed bids, receipts.
export * from './bytes';
export * from './box';
export * from './holder-key';
export * from './tender-key';
export * from './bid';
export * from './receipt';
