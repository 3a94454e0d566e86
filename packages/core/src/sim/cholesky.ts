import { SimConfigError } from './simConfigError.js'

/**
 * Cholesky factor of a correlation matrix: lower-triangular `L` with `L·Lᵀ = matrix`, stored row-major in one
 * `Float64Array` of n². Multiplying independent standard normals by `L` gives normals with that correlation.
 *
 * @param matrix - Symmetric, positive-definite matrix with a unit diagonal.
 * @returns `L`, row-major.
 * @throws {SimConfigError} When the matrix is not square, not symmetric, has a diagonal other than 1, or is not
 *   positive definite.
 * @example
 * ```ts
 * const l = choleskyFactor([[1, 0.9], [0.9, 1]])
 * // correlated pair: z0 = l[0] * e0; z1 = l[2] * e0 + l[3] * e1
 * ```
 */
export function choleskyFactor(matrix: readonly (readonly number[])[]): Float64Array {
  const n = matrix.length
  const at = (i: number, j: number): number => matrix[i]?.[j] ?? Number.NaN
  for (let i = 0; i < n; i++) {
    if (matrix[i]?.length !== n) throw new SimConfigError(`Correlation matrix must be ${n}×${n}`)
    if (at(i, i) !== 1) throw new SimConfigError(`Correlation matrix diagonal must be 1 (row ${i})`)
    for (let j = 0; j < i; j++) {
      if (Math.abs(at(i, j) - at(j, i)) > 1e-12)
        throw new SimConfigError(`Correlation matrix not symmetric at ${i},${j}`)
    }
  }
  const l = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = at(i, j)
      for (let k = 0; k < j; k++) sum -= (l[i * n + k] ?? 0) * (l[j * n + k] ?? 0)
      if (i === j) {
        if (!(sum > 1e-12)) throw new SimConfigError('Correlation matrix is not positive definite')
        l[i * n + i] = Math.sqrt(sum)
      } else {
        l[i * n + j] = sum / (l[j * n + j] ?? 1)
      }
    }
  }
  return l
}
