/** The part of proxy-addr (a dependency of @adonisjs/http-server) Loupe uses. */
declare module 'proxy-addr' {
  type Trust = (address: string, hop: number) => boolean
  const proxyAddr: {
    compile(entries: string | string[]): Trust
  }
  export default proxyAddr
}
