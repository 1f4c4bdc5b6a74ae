/**
 * Extra headers every API call carries, for an app whose caller is not a cookie session: the kiosk puts
 * its device token here (`authorization: Bearer …`). Empty for the console.
 */
export const useApiHeaders = () => useState<Record<string, string>>('api-headers', () => ({}))
