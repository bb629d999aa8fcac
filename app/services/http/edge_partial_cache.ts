import type { Edge } from 'edge.js'

type Compile = (templatePath: string, localVariables?: string[]) => unknown

/**
 * edge.js 6 caches a compiled template only when it is compiled without local
 * variables, and `@include` always passes a list of them (empty or not), so every
 * partial is parsed and compiled again on every render, even in production. This keeps
 * the compiled partial per (path, local variable names): the same input always compiles
 * to the same function. It only caches where Edge's own cache is on (production).
 * See docs/decisions/0004-no-include-inside-loops-on-hot-pages.md.
 */
export function cachePartials(edge: Edge) {
  for (const compiler of [edge.compiler, edge.asyncCompiler]) {
    if (!compiler.cacheManager.enabled) continue
    const compile: Compile = compiler.compile.bind(compiler)
    const compiled = new Map<string, unknown>()
    ;(compiler as unknown as { compile: Compile }).compile = (templatePath, localVariables) => {
      if (!localVariables) return compile(templatePath)
      const key = `${templatePath}\u0000${localVariables.join(',')}`
      if (!compiled.has(key)) compiled.set(key, compile(templatePath, localVariables))
      return compiled.get(key)
    }
  }
}
