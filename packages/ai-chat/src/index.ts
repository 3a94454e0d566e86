// Public API of @smart-0dte/ai-chat, listed by name.
export {
  type AssistantOptions,
  type AssistantOptionsInput,
  assistantOptionsSchema,
  parseAssistantOptions,
} from './assistantOptions.js'
