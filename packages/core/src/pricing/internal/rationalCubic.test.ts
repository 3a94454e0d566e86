import { describe, expect, test } from 'vitest'
import {
  controlParameterForLeftCurvature,
  controlParameterForRightCurvature,
  rationalCubicInterpolation,
} from './rationalCubic.js'

function secondDerivative(f: (x: number) => number, x: number, dx: number): number {
  return (f(x + dx) - 2 * f(x) + f(x - dx)) / (dx * dx)
}

describe('rational cubic interpolation', () => {
  const [xl, xr, yl, yr, dl, dr] = [1, 3, 2, 5, 0.5, 3]

  test('interpolates the end values and slopes', () => {
    const f = (x: number) => rationalCubicInterpolation(x, xl, xr, yl, yr, dl, dr, 4)
    expect(f(xl)).toBeCloseTo(yl, 14)
    expect(f(xr)).toBeCloseTo(yr, 14)
    expect((f(xl + 1e-7) - f(xl)) / 1e-7).toBeCloseTo(dl, 5)
    expect((f(xr) - f(xr - 1e-7)) / 1e-7).toBeCloseTo(dr, 5)
  })

  test('control parameters reproduce a requested end curvature', () => {
    const left = controlParameterForLeftCurvature(xl, xr, yl, yr, dl, dr, 1.2)
    const fl = (x: number) => rationalCubicInterpolation(x, xl, xr, yl, yr, dl, dr, left)
    expect(secondDerivative(fl, xl + 1e-4, 1e-4)).toBeCloseTo(1.2, 2)
    const right = controlParameterForRightCurvature(xl, xr, yl, yr, dl, dr, 2)
    const fr = (x: number) => rationalCubicInterpolation(x, xl, xr, yl, yr, dl, dr, right)
    expect(secondDerivative(fr, xr - 1e-4, 1e-4)).toBeCloseTo(2, 2)
  })

  test('a huge control parameter degenerates to the straight line', () => {
    expect(rationalCubicInterpolation(2, xl, xr, yl, yr, dl, dr, 1e15)).toBeCloseTo(3.5, 12)
  })
})
