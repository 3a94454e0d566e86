// Public API of @smart-0dte/core/testing: contract suites that every adapter runs. Imports vitest, so it is a
// separate entry point and never part of the runtime bundle.
export { type BrokerContractHarness, testBrokerContract } from './brokerContract.js'
export { type FeedContractSubject, testFeedContract } from './feedContract.js'
