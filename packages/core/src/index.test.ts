import { expect, test } from 'vitest'
import * as core from './index.js'

test('public API of @smart-0dte/core is exactly this list', () => {
  expect(Object.keys(core).sort()).toMatchSnapshot()
})
