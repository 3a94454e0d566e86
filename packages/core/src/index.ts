// Public API of @smart-0dte/core. Every export is listed by name; `index.test.ts` snapshots this list so the API
// changes only on purpose.

export { Decimal } from 'decimal.js'

// Tick archive
export { decodeTickArchive, forEachTickEvent } from './archive/tickArchiveDecoder.js'
export {
  createTickArchiveEncoder,
  encodeTickArchive,
  type TickArchiveEncoder,
  type TickArchiveOptions,
} from './archive/tickArchiveEncoder.js'
export { TickArchiveError } from './archive/tickArchiveError.js'
export { type TickEvent, TickEventKind, tickEventKind } from './archive/tickEvent.js'
export { recordTicks, type TickRecorder } from './archive/tickRecorder.js'

// Backtest
export {
  type BacktestData,
  BacktestDataKind,
  backtestDataSchema,
  type EventsBacktestData,
  type NdjsonBacktestData,
  type SimBacktestData,
  type TickArchiveBacktestData,
} from './backtest/backtestData.js'
export { BacktestError } from './backtest/backtestError.js'
export {
  type BacktestOptions,
  BacktestReturnSampling,
  backtestOptionsSchema,
  type ResolvedBacktestOptions,
} from './backtest/backtestOptions.js'
export type { BacktestDay, BacktestResult, BacktestStrategySummary } from './backtest/backtestResult.js'
export { builtInStrategies } from './backtest/builtInStrategies.js'
export { runBacktest } from './backtest/runBacktest.js'

// Calendar
export { CalendarInputError, CalendarInputKind } from './calendar/calendarInputError.js'
export { CALENDAR_YEARS } from './calendar/calendarYears.js'
export { earlyCloseDates } from './calendar/earlyCloses.js'
export { easterSunday } from './calendar/easter.js'
export { marketClosures } from './calendar/marketClosures.js'
export { NEW_YORK, nyDate, nyTimeToMs } from './calendar/newYorkTime.js'
export { NonTradingDayError } from './calendar/nonTradingDayError.js'
export { type NyseHoliday, nyseHolidays } from './calendar/nyseHolidays.js'
export { expirationInstantMs, optionsCloseMs } from './calendar/optionsHours.js'
export { SessionPhase, sessionPhaseAt } from './calendar/sessionPhase.js'
export { timeToExpiryYears } from './calendar/timeToExpiry.js'
export { isTradingDay, nextTradingDay, previousTradingDay } from './calendar/tradingDays.js'
export { type TradingSession, tradingSession } from './calendar/tradingSession.js'
export { UNSCHEDULED_CLOSURES } from './calendar/unscheduledClosures.js'
export { hasZeroDteExpiration, ZERO_DTE_SYMBOLS, type ZeroDteSymbol } from './calendar/zeroDte.js'

// Clock
export { type Clock, wallClock } from './clock/clock.js'
export { type DriveVirtualClockOptions, driveVirtualClock } from './clock/driveVirtualClock.js'
export { createVirtualClock, isVirtualClock, type VirtualClock } from './clock/virtualClock.js'
export { VirtualClockError } from './clock/virtualClockError.js'

// Config
export { parseConfig, secretSchema } from './config/parseConfig.js'
export { Secret } from './config/secret.js'

// Correlation
export { type AlignedSample, type AlignedSamplesOptions, alignedSamples } from './correlation/alignedSamples.js'
export {
  type CorrelationConfig,
  type CorrelationConfigInput,
  correlationConfigSchema,
  parseCorrelationConfig,
} from './correlation/correlationConfig.js'
export {
  type CorrelationEngine,
  type CorrelationUpdate,
  createCorrelationEngine,
} from './correlation/correlationEngine.js'
export {
  type BreakdownEvent,
  type CorrelationEvent,
  CorrelationEventKind,
  type DivergenceEvent,
} from './correlation/correlationEvent.js'
export type {
  CorrelationSnapshot,
  CorrelationWindow,
  PairCorrelation,
  PairDivergence,
} from './correlation/correlationSnapshot.js'
export { type CorrelationStreams, createCorrelationStreams } from './correlation/correlationStreams.js'
export { type StatisticValue, UnavailableReason } from './correlation/correlationValue.js'
export {
  type PricePoint,
  pricePointFromBar,
  pricePointFromQuote,
  pricePointFromTrade,
} from './correlation/pricePoint.js'
export {
  type PricePointsFromFeedOptions,
  PriceSource,
  pricePointsFromFeed,
} from './correlation/pricePointsFromFeed.js'
export { RollingCovariance, type RollingCovarianceOptions } from './correlation/rollingCovariance.js'

// Errors
export { BaseError, type BaseErrorOptions, PermanentError, RetryableError } from './errors/baseError.js'
export { ConfigError, type ConfigIssue } from './errors/configError.js'
export { REDACTED, redactSecrets, registerSecret } from './errors/secretRegistry.js'

// Execution seams
export type {
  BrokerCapabilities,
  BrokerInterface,
  BrokerSnapshot,
  BrokerState,
  OrderModification,
} from './execution/brokerInterface.js'

// Exits
export { type ExitDecision, ExitReason, evaluateExit, timeExitMs, tradeNetMark } from './exits/evaluateExit.js'
export { type ExitIntentContext, exitIntent } from './exits/exitIntent.js'
export { createExitManager, type ExitEvent, type ExitManager, type ExitManagerOptions } from './exits/exitManager.js'
export { type ExitRules, type ExitRulesInput, exitRulesSchema, parseExitRules } from './exits/exitRules.js'

// Feeds
export { backoffCeilingMs, backoffDelayMs } from './feeds/backoffDelay.js'
export { createFeed, type ManagedFeed } from './feeds/createFeed.js'
export { type CreateFeedOptions, createFeedOptionsSchema } from './feeds/createFeedOptions.js'
export type { FeedAdapter, FeedSession, FeedSessionContext } from './feeds/feedAdapter.js'
export { FeedClosedError, FeedConnectionError, FeedRetriesExhaustedError, FeedStaleError } from './feeds/feedErrors.js'
export type { FeedCapabilities, FeedState, FeedStatus, MarketDataFeed } from './feeds/marketDataFeed.js'
export {
  eventTimeMs,
  isOptionInstrumentId,
  type MarketEvent,
  MarketEventType,
  quoteEvent,
} from './feeds/marketEvent.js'
export { createSubscriptionPool, type SubscriptionPool } from './feeds/subscriptionPool.js'
export { fromIbContract, type IbContractFields, toIbContract } from './instruments/ibContract.js'

// Instruments
export {
  type EquityInstrument,
  equity,
  type IndexInstrument,
  type Instrument,
  InstrumentKind,
  InvalidSymbolError,
  index,
  isIndexUnderlying,
  type OptionContract,
  type OptionContractInput,
  OptionRight,
  optionContract,
} from './instruments/instrument.js'
export { instrumentId } from './instruments/instrumentId.js'
export { parseMassiveTicker, toMassiveTicker } from './instruments/massiveSymbol.js'
export { formatOccSymbol, parseOccSymbol } from './instruments/occSymbol.js'

// Journal
export { createJournal, type Journal, type JournalOptions } from './journal/journal.js'
export { decodeJournalRecord, encodeJournalRecord } from './journal/journalCodec.js'
export { JournalError, JournalErrorReason } from './journal/journalError.js'
export {
  type JournalBaseline,
  type JournalEntry,
  type JournalRecord,
  JournalRecordKind,
} from './journal/journalRecord.js'
export type { JournalAppendOutcome, JournalRowInput, JournalStore, StoredJournalRow } from './journal/journalStore.js'
export { createMemoryJournalStore } from './journal/memoryJournalStore.js'
export { type JournalReplay, type ReplayedIntent, replayJournal } from './journal/replayJournal.js'
export { createSqliteJournalStore, type SqliteJournalStoreOptions } from './journal/sqliteJournalStore.js'

// Logging
export {
  createLogger,
  type LogFields,
  type Logger,
  type LoggerOptions,
  LogLevel,
  silentLogger,
} from './logging/logger.js'

// Market data
export { type Bar, type Greeks, midPrice, type OptionQuote, type Quote, type Trade } from './marketData/types.js'

// Order manager
export { type BracketManager, type BracketManagerOptions, createBracketManager } from './oms/bracketManager.js'
export { BracketManagerError, BracketManagerErrorReason } from './oms/bracketManagerError.js'
export { BracketPhase, type BracketStatus } from './oms/bracketStatus.js'
export { comparePositions, type PositionMismatch } from './oms/comparePositions.js'
export type { KillSwitchReport } from './oms/killSwitchReport.js'
export type { ManagedOrder } from './oms/managedOrder.js'
export { type OpenTrade, openTrades } from './oms/openTrades.js'
export {
  createOrderManager,
  type OrderManager,
  type OrderManagerOptions,
  type SubmitOptions,
} from './oms/orderManager.js'
export { OrderManagerError, OrderManagerErrorReason } from './oms/orderManagerError.js'
export type { PnlSnapshot } from './oms/pnlSnapshot.js'
export {
  createPositionLedger,
  type LedgerBaseline,
  type PositionLedger,
  type UnrealizedPnl,
} from './oms/positionLedger.js'
export type { ReconcileReport } from './oms/reconcileReport.js'
export type { RecoveryReport } from './oms/recoveryReport.js'

// Orders
export { applyOrderFill, type OrderFillInput } from './orders/applyOrderFill.js'
export { applyOrderModification } from './orders/applyOrderModification.js'
export { type BracketAction, type BracketState, bracketFollowUp } from './orders/bracketFollowUp.js'
export { type BracketInput, type BracketOrder, bracketOrder } from './orders/bracketOrder.js'
export { createOrderIntent, type OrderIntentInput } from './orders/createOrderIntent.js'
export { type LimitPriceInput, type LimitPricePolicy, limitPriceFor } from './orders/limitPricePolicy.js'
export {
  butterfly,
  type IronInput,
  ironButterfly,
  ironCondor,
  isDefinedRisk,
  type OptionStructure,
  StructureKind,
  singleOption,
  straddle,
  strangle,
  verticalSpread,
} from './orders/optionStructures.js'
export {
  IllegalOrderTransitionError,
  InvalidOrderError,
  OverfillError,
  UnpriceableOrderError,
} from './orders/orderErrors.js'
export { orderIntentIssues } from './orders/orderIntentIssues.js'
export { orderPriceIssue, orderTick, PriceAggression, roundOrderPrice } from './orders/orderPriceTick.js'
export {
  canTransition,
  isFinalStatus,
  ORDER_TRANSITIONS,
  type TransitionContext,
  transitionOrder,
} from './orders/orderStateMachine.js'
export { type PackageQuote, packageQuote, type QuoteLookup } from './orders/packageQuote.js'
export {
  expiryPayoffBounds,
  intrinsicValueAt,
  type MoneyBound,
  maxGainPerUnit,
  maxLossPerUnit,
  type PayoffBounds,
  UNBOUNDED,
} from './orders/payoffBounds.js'
export { quoteDecimal } from './orders/quoteDecimal.js'
export { isOnTick, RoundDirection, roundToTick } from './orders/roundToTick.js'
export { fromSignedNet, isCombo, reverseLegs, sideSign, toSignedNet } from './orders/signedNetPrice.js'
export {
  createTickTable,
  DEFAULT_TICK_TABLE,
  type TickRule,
  type TickTable,
  type TickTableConfig,
  tickAt,
  tickRuleFor,
  tickTableConfigSchema,
} from './orders/tickTable.js'

// Paper broker
export { type BookInput, type BookResult, bookExecutions, type Execution } from './paper/bookExecutions.js'
export {
  type CommissionCharge,
  type CommissionHistory,
  type CommissionLeg,
  type CommissionModel,
  type IbkrCommissionOptions,
  ibkrCommissionModel,
  ibkrCommissionSchema,
  zeroCommissionModel,
} from './paper/commissionModel.js'
export { createPaperBroker, type PaperBroker } from './paper/createPaperBroker.js'
export { EXPIRATION_ORDER_PREFIX, expirationExecutions } from './paper/expirationExecutions.js'
export {
  type MarginResult,
  type MarginRules,
  marginRequirement,
  type PriceLookup,
  underlyingIdOf,
} from './paper/marginRequirement.js'
export { memoryPaperBrokerStore } from './paper/memoryPaperBrokerStore.js'
export {
  BrokerNotConnectedError,
  ClientOrderIdConflictError,
  PaperBrokerInvariantError,
  UnknownOrderError,
} from './paper/paperBrokerErrors.js'
export { type PaperBrokerOptions, paperBrokerOptionsSchema } from './paper/paperBrokerOptions.js'
export type {
  PaperAccountRecord,
  PaperBrokerState,
  PaperBrokerStore,
  PaperCommit,
  PaperOrderRecord,
} from './paper/paperBrokerStore.js'
export {
  applyPositionFill,
  type LedgerPosition,
  type PositionFill,
  type PositionFillResult,
} from './paper/positionLedger.js'
export { type SlippageContext, type SlippageModel, slippageAmount } from './paper/slippageModel.js'
export {
  type SqlitePaperBrokerStore,
  type SqlitePaperBrokerStoreOptions,
  sqlitePaperBrokerStore,
  sqlitePaperBrokerStoreSchema,
} from './paper/sqlitePaperBrokerStore.js'

// Pricing
export { bsGreeks } from './pricing/bsGreeks.js'
export { bsGreeksBatch, type GreeksBatchInput, type GreeksBatchOutput } from './pricing/bsGreeksBatch.js'
export { bsPrice } from './pricing/bsPrice.js'
export { type IvResult, impliedVolatility } from './pricing/impliedVolatility.js'
export { type IvBatchInput, impliedVolatilityBatch } from './pricing/impliedVolatilityBatch.js'
export { inverseNormalCdf } from './pricing/inverseNormalCdf.js'
export { normalCdf } from './pricing/normalCdf.js'
export { OptionRightCode } from './pricing/optionRightCode.js'
export { PricingInputError } from './pricing/pricingInputError.js'
export { PricingStatus } from './pricing/pricingStatus.js'

// Volatility regime
export {
  parseRegimeConfig,
  type RegimeConfig,
  type RegimeConfigInput,
  regimeConfigSchema,
} from './regime/regimeConfig.js'
export { createRegimeEngine, type RegimeEngine, type RegimeUpdate } from './regime/regimeEngine.js'
export { createRegimeStreams, type RegimeStreams } from './regime/regimeStreams.js'
export {
  classifyTermRatio,
  type TermSpread,
  TermStructureShape,
  type VixFamilyValues,
  type VixTermStructure,
  vixTermStructure,
} from './regime/termStructure.js'
export { isVixSeries, VIX_FAMILY_IDS, VixSeries } from './regime/vixSeries.js'
export { type BandThresholds, bandOf, VOLATILITY_BANDS, VolatilityBand } from './regime/volatilityBand.js'
export type { RegimeChange, VolatilityRegime } from './regime/volatilityRegime.js'

// Replay
export { createNdjsonRecorder, type NdjsonRecorder, type NdjsonRecorderOptions } from './replay/createNdjsonRecorder.js'
export { createReplayFeed, type ReplayFeedOptions, type ReplaySource } from './replay/createReplayFeed.js'
export { parseNdjsonLine } from './replay/parseNdjsonLine.js'
export {
  MalformedLinePolicy,
  type NdjsonSource,
  type ReadNdjsonOptions,
  readNdjsonBatches,
  readNdjsonEvents,
} from './replay/readNdjsonEvents.js'
export { ReplayLineError, ReplaySourceError } from './replay/replayErrors.js'
export { serializeMarketEvent } from './replay/serializeMarketEvent.js'
export {
  type BacktestReport,
  type BacktestReportTrade,
  type BacktestRunMetadata,
  backtestReportSchema,
  DataSource,
  parseBacktestReport,
  RunMode,
} from './reports/html/backtestReport.js'
export { type BacktestReportInput, createBacktestReport } from './reports/html/createBacktestReport.js'
export { type RenderHtmlReportOptions, renderHtmlReport } from './reports/html/renderHtmlReport.js'
export {
  type AlignedTrade,
  type AlignTradesOptions,
  alignTrades,
  type TradeAlignment,
} from './reports/performance/alignTrades.js'
export { annualizedReturn } from './reports/performance/annualizedReturn.js'
export { calmarRatio } from './reports/performance/calmarRatio.js'
export { compareMetrics, type MetricDifference } from './reports/performance/compareMetrics.js'
export { type DrawdownPoint, drawdownSeries, type MaxDrawdown, maxDrawdown } from './reports/performance/drawdown.js'
export { type ExposureWindow, exposureShare } from './reports/performance/exposureShare.js'
export { type FillRate, type FillRateOrder, fillRate } from './reports/performance/fillRate.js'
export {
  computePerformanceMetrics,
  type PerformanceInput,
  type PerformanceMetrics,
  ReturnSampling,
} from './reports/performance/performanceMetrics.js'
export { dailyEquityCurve, type EquitySample, periodicReturns } from './reports/performance/periodicReturns.js'
export {
  type ResolvedReturnConventions,
  type ReturnConventions,
  resolveReturnConventions,
  returnConventionsSchema,
} from './reports/performance/returnConventions.js'
export { sharpeRatio } from './reports/performance/sharpeRatio.js'
export {
  averageSlippage,
  type SlippageSample,
  type SlippageSummary,
  slippageSamples,
} from './reports/performance/slippage.js'
export { sortinoRatio } from './reports/performance/sortinoRatio.js'
export { totalReturn } from './reports/performance/totalReturn.js'
export { type TradeOutcome, type TradeStatistics, tradeStatistics } from './reports/performance/tradeStatistics.js'
export {
  type ClosedTrade,
  type ClosedTradesOptions,
  closedTrades,
  TradeGrouping,
} from './reports/portfolio/closedTrades.js'
export { type ComputePortfolioOptions, computePortfolio } from './reports/portfolio/computePortfolio.js'
export { CostBasisMethod } from './reports/portfolio/costBasisMethod.js'
export {
  buildEquityCurve,
  type EquityCurveInput,
  type EquityPoint,
  type MarkPrice,
} from './reports/portfolio/equityCurve.js'
export { type InstrumentResolver, instrumentFromId, multiplierOf } from './reports/portfolio/instrumentResolver.js'
export type { PnlSummary, PortfolioSnapshot, PositionPnl, StrategyPnl } from './reports/portfolio/portfolioSnapshot.js'
export {
  type AttributedFill,
  type StrategyAttribution,
  strategyOf,
  UNATTRIBUTED_STRATEGY,
} from './reports/portfolio/strategyAttribution.js'

// Reports
export { ReportInputError } from './reports/reportInputError.js'
export {
  computeTaxReport,
  type LotPick,
  type TaxReport,
  type TaxReportOptions,
  type YearEndMarks,
} from './reports/tax/computeTaxReport.js'
export { type Form6781Contract, type Form6781Summary, form6781Summary } from './reports/tax/form6781Summary.js'
export { BasisReporting, FORM_8949_HEADER, type Form8949Options, form8949Csv } from './reports/tax/form8949Csv.js'
export { isSection1256Contract } from './reports/tax/section1256.js'
export {
  type SubstantiallyIdentical,
  sameContract,
  sameUnderlying,
  substantiallyIdentical,
  type TaxInstrument,
} from './reports/tax/substantiallyIdentical.js'
export { DisposalKind, type OpenTaxLot, type TaxDisposal } from './reports/tax/taxDisposal.js'
export { TaxTerm } from './reports/tax/taxTerm.js'

// Risk
export type { RiskApproval } from './risk/internal/approvalRegistry.js'
export type { MarketView } from './risk/marketView.js'
export { createMutableMarketView, type MutableMarketView } from './risk/mutableMarketView.js'
export { type MaxLossResult, orderMaxLoss } from './risk/orderMaxLoss.js'
export { OrderPurpose } from './risk/orderPurpose.js'
export type { RiskCheck, RiskCheckInput, RiskContext, RiskExposure, WorkingOrder } from './risk/riskContext.js'
export {
  createRiskEngine,
  type DailyPnl,
  type RiskDecision,
  type RiskEngine,
  type RiskEngineOptions,
} from './risk/riskEngine.js'
export type { RiskEvent, RiskEventBase } from './risk/riskEvent.js'
export { parseRiskLimits, type RiskLimits, type RiskLimitsInput, riskLimitsSchema } from './risk/riskLimits.js'
export { RiskRejectedError, type RiskRejection, RiskRejectionCode } from './risk/riskRejection.js'
export { type RiskState, RiskStateCause, RiskStatus } from './risk/riskState.js'
export { RiskStateError } from './risk/riskStateError.js'

// Simulator (SIMULATED data)
export { createSimFeed, type SimFeed, type SimMarketSnapshot } from './sim/createSimFeed.js'
export { createPrng, hashSeed, type Prng } from './sim/prng.js'
export {
  DEFAULT_SIM_CORRELATION,
  DEFAULT_SIM_RISK_PREMIUM,
  DEFAULT_SIM_SMILE,
  DEFAULT_SIM_UNDERLYINGS,
  DEFAULT_SIM_VOLATILITY,
  type SimFeedOptions,
  type SimRiskPremiumConfig,
  type SimSmileConfig,
  type SimUnderlyingConfig,
  type SimVolatilityConfig,
  simFeedOptionsSchema,
} from './sim/simConfig.js'
export { SimConfigError } from './sim/simConfigError.js'
export { SimUnsupportedInstrumentError } from './sim/simUnsupportedInstrumentError.js'

// Sizing
export { type FactorBand, type FactorTable, factorTableSchema, lookupFactor } from './sizing/factorTable.js'
export { type SizingInput, SizingLimit, type SizingResult, sizePosition } from './sizing/sizePosition.js'
export { parseSizingConfig, type SizingConfig, sizingConfigSchema } from './sizing/sizingConfig.js'

// Strategies
export {
  type CorrelationBreakdownOptions,
  type CorrelationBreakdownOptionsInput,
  correlationBreakdownOptionsSchema,
  createCorrelationBreakdownStrategy,
} from './strategies/correlationBreakdownStrategy.js'
export {
  createMomentumBreakoutStrategy,
  type MomentumBreakoutOptions,
  type MomentumBreakoutOptionsInput,
  momentumBreakoutOptionsSchema,
} from './strategies/momentumBreakoutStrategy.js'
export {
  createPinRiskStrategy,
  type PinRiskOptions,
  type PinRiskOptionsInput,
  pinRiskOptionsSchema,
} from './strategies/pinRiskStrategy.js'
export {
  SignalDirection,
  type Strategy,
  type StrategyContext,
  type TradingSignal,
} from './strategies/strategy.js'
export {
  createVixSpikeReversionStrategy,
  type VixSpikeReversionOptions,
  type VixSpikeReversionOptionsInput,
  vixSpikeReversionOptionsSchema,
} from './strategies/vixSpikeReversionStrategy.js'
export {
  createVolatilityContractionStrategy,
  type VolatilityContractionOptions,
  type VolatilityContractionOptionsInput,
  volatilityContractionOptionsSchema,
} from './strategies/volatilityContractionStrategy.js'

// Streams
export { type ChainSelection, type ChainSelectionInput, chainSelectionSchema } from './streams/chain/chainSelection.js'
export {
  type ChainQuote,
  type ChainRow,
  type ChainSide,
  type ChainSnapshot,
  ChainStatus,
  type IvFailure,
} from './streams/chain/chainTypes.js'
export { createZeroDteChain, type ZeroDteChain } from './streams/chain/createZeroDteChain.js'
export {
  type ListContracts,
  type ZeroDteChainOptions,
  zeroDteChainOptionsSchema,
} from './streams/chain/zeroDteChainOptions.js'
export { type ConflationTrigger, conflateByKey } from './streams/conflation/conflateByKey.js'
export {
  type AdaptivePriceChangeFilterOptions,
  adaptivePriceChangeFilter,
  adaptivePriceChangeFilterOptionsSchema,
  type PriceAccessors,
  quoteMidAccessors,
} from './streams/filters/adaptivePriceChangeFilter.js'
export {
  type MinVolumeFilterOptions,
  minVolumeFilter,
  minVolumeFilterOptionsSchema,
} from './streams/filters/minVolumeFilter.js'
export { type SessionSamplingOptions, sampleBySession } from './streams/sampling/sampleBySession.js'
export {
  SampleClass,
  type SampleIntervals,
  type SampleIntervalsInput,
  sampleIntervalsSchema,
} from './streams/sampling/sampleClass.js'
export { type SampleTarget, sampleTargetOf } from './streams/sampling/sampleTarget.js'
export { createQuoteValidator } from './streams/validation/createQuoteValidator.js'
export { createTradeValidator } from './streams/validation/createTradeValidator.js'
export type {
  QualityAction,
  QualityIncident,
  QualityReport,
  RuleCounts,
  SourceQuality,
} from './streams/validation/qualityReport.js'
export { QUALITY_RULES, QualityRule } from './streams/validation/qualityRule.js'
export type { Validator } from './streams/validation/validator.js'
export {
  DuplicatePolicy,
  type QuoteValidatorOptions,
  quoteValidatorOptionsSchema,
  type SpikeOptions,
  type SpikeOptionsInput,
  spikeOptionsSchema,
  type TradeValidatorOptions,
  tradeValidatorOptionsSchema,
} from './streams/validation/validatorOptions.js'

// System composition
export {
  createMarketPipeline,
  type MarketPipeline,
  type MarketPipelineOptions,
  type MarketState,
} from './system/marketPipeline.js'
export { type SignalDecision, SignalOutcome } from './system/signalDecision.js'
export {
  createTradingSystem,
  type SystemSnapshot,
  type TradingSystem,
  TradingSystemError,
  type TradingSystemOptions,
} from './system/tradingSystem.js'

// Trading
export {
  type Account,
  type Fill,
  type Order,
  type OrderIntent,
  type OrderLeg,
  OrderStatus,
  OrderType,
  type Position,
  Side,
  TimeInForce,
  TradingMode,
} from './trading/types.js'

// Trading mode
export {
  type TradingModeConfig,
  type TradingModeConfigInput,
  tradingModeConfigSchema,
} from './tradingMode/tradingModeConfig.js'
export { TradingModeError, TradingModeErrorReason } from './tradingMode/tradingModeError.js'
export { assertTradingMode, type ConnectedAccount, verifyTradingMode } from './tradingMode/verifyTradingMode.js'
