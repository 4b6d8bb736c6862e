import { createAppAuth } from "@octokit/auth-app";
import { createRestClient, type RestClient } from "../gateway/rest-client.ts";

/**
 * A client authenticated as the App itself (a JWT signed with its private key), for what only
 * the App may read: its registration, its installations per repository, its webhook deliveries.
 */
export async function appJwtClient(o: {
  appId: string;
  privateKey: string;
  baseUrl: string;
}): Promise<RestClient> {
  const auth = createAppAuth({ appId: o.appId, privateKey: o.privateKey });
  const { token } = await auth({ type: "app" });
  return createRestClient({ token, baseUrl: o.baseUrl, userAgent: "havuncore-doctor" });
}
