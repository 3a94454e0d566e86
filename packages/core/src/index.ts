// Public API of @smart-0dte/core. Every export is listed by name; `index.test.ts` snapshots this list so the API
// changes only on purpose.

export { Decimal } from 'decimal.js'
// Config
export { parseConfig, secretSchema } from './config/parseConfig.js'
export { Secret } from './config/secret.js'
// Errors
export { BaseError, type BaseErrorOptions, PermanentError, RetryableError } from './errors/baseError.js'
export { ConfigError, type ConfigIssue } from './errors/configError.js'
export { REDACTED, redactSecrets, registerSecret } from './errors/secretRegistry.js'
export { fromIbContract, type IbContractFields, toIbContract } from './instruments/ibContract.js'
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

// Market data
export { type Bar, type Greeks, midPrice, type OptionQuote, type Quote, type Trade } from './marketData/types.js'

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
