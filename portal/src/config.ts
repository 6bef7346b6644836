/** What the gateway tells the portal at start (GET /portal-config.json), so one build fits every realm. */
export interface PortalConfig {
  /** The realm's issuer, e.g. http://127.0.0.1:8080/realms/cocuk-koruma. */
  authority: string;
  clientId: string;
}

export async function loadConfig(): Promise<PortalConfig> {
  const response = await fetch('/portal-config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/portal-config.json answered ${response.status}`);
  const body = (await response.json()) as Partial<PortalConfig>;
  if (typeof body.authority !== 'string' || typeof body.clientId !== 'string') {
    throw new Error('/portal-config.json lacks authority or clientId');
  }
  return { authority: body.authority, clientId: body.clientId };
}
