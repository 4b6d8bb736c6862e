/** The fixture library's files, part one: payments, auth and http (fixture-library.ts). */
export const FILES_A: Record<string, string> = {
  "README.md": "# Snippets\n\nReusable code for our projects. `havun snippets lint` checks it.\n",
  "payments/mollie-payment.php": `<?php
// ---
// title: Create a Mollie payment
// description: Creates a one-off Mollie payment for an order and returns the checkout URL to redirect the customer to.
// tags: [mollie, payments, laravel, checkout]
// usage: Copy to app/Services/MolliePaymentService.php and call createMolliePayment($order) from the checkout controller.
// requires: [mollie/mollie-api-php]
// secrets: [MOLLIE_API_KEY]
// ---

use Mollie\\Api\\MollieApiClient;

function createMolliePayment(Order $order): string
{
    $mollie = new MollieApiClient();
    $mollie->setApiKey(env('MOLLIE_API_KEY'));
    $payment = $mollie->payments->create([
        'amount' => ['currency' => 'EUR', 'value' => number_format($order->total, 2, '.', '')],
        'description' => "Order {$order->id}",
        'redirectUrl' => route('orders.show', $order),
        'webhookUrl' => route('webhooks.mollie'),
        'metadata' => ['order_id' => $order->id],
    ]);
    return $payment->getCheckoutUrl();
}
`,
  "payments/mollie-webhook.php": `<?php
// ---
// title: Handle the Mollie webhook
// description: Receives Mollie's webhook call, fetches the payment by id and marks the order paid, failed or expired.
// tags: [mollie, webhook, payments, laravel]
// usage: Route POST /webhooks/mollie to MollieWebhookController::handle, outside CSRF protection.
// requires: [mollie/mollie-api-php]
// secrets: [MOLLIE_API_KEY]
// ---

class MollieWebhookController
{
    public function handle(Request $request, MollieApiClient $mollie)
    {
        $payment = $mollie->payments->get($request->input('id'));
        $order = Order::findOrFail($payment->metadata->order_id);
        if ($payment->isPaid()) $order->markPaid();
        elseif ($payment->isFailed() || $payment->isExpired()) $order->markFailed();
        return response('', 200);
    }
}
`,
  "payments/mollie-recurring.php": `<?php
// ---
// title: Mollie recurring subscription
// description: Creates a Mollie customer, a first payment that yields a mandate, then a monthly subscription on that mandate.
// tags: [mollie, subscriptions, recurring, payments]
// usage: Call startSubscription($user, '9.95') after sign-up; handle the first payment in the Mollie webhook.
// requires: [mollie/mollie-api-php]
// secrets: [MOLLIE_API_KEY]
// ---

function startSubscription(User $user, string $amount)
{
    $customer = mollie()->customers->create(['name' => $user->name, 'email' => $user->email]);
    $customer->createPayment([
        'amount' => ['currency' => 'EUR', 'value' => $amount],
        'sequenceType' => 'first',
        'description' => 'First payment',
        'redirectUrl' => route('account'),
    ]);
    return $customer->createSubscription([
        'amount' => ['currency' => 'EUR', 'value' => $amount],
        'interval' => '1 month',
        'description' => 'Monthly plan',
    ]);
}
`,
  "payments/stripe-checkout.ts": `// ---
// title: Stripe Checkout session
// description: Creates a Stripe Checkout session for a cart and returns the URL of Stripe's hosted payment page.
// tags: [stripe, payments, checkout]
// usage: Call createCheckoutSession(cart) in the POST /checkout handler and redirect to the URL it returns.
// requires: [stripe]
// secrets: [STRIPE_SECRET_KEY]
// ---
import Stripe from "stripe";

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

export async function createCheckoutSession(cart: { sku: string; quantity: number }[]) {
  const session = await stripe.checkout.sessions.create({
    mode: "payment",
    line_items: cart.map((item) => ({ price: item.sku, quantity: item.quantity })),
    success_url: "https://shop.example/thanks",
    cancel_url: "https://shop.example/cart",
  });
  return session.url;
}
`,
  "payments/stripe-webhook-verify.ts": `// ---
// title: Verify a Stripe webhook signature
// description: Checks the Stripe-Signature header of a webhook against the endpoint secret before trusting the event.
// tags: [stripe, webhook, signature, security]
// usage: In the webhook route, pass the raw request body (not parsed JSON) and the header to verifyStripeEvent.
// requires: [stripe]
// secrets: [STRIPE_WEBHOOK_SECRET]
// ---
import Stripe from "stripe";

export function verifyStripeEvent(rawBody: Buffer, signature: string): Stripe.Event {
  const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
  return stripe.webhooks.constructEvent(rawBody, signature, process.env.STRIPE_WEBHOOK_SECRET!);
}
`,
  "payments/installment-schedule.js": `// ---
// title: Installment schedule
// description: Splits an amount in cents into monthly installments with due dates; the rounding remainder goes to the first one.
// tags: [installments, payments, money]
// usage: Copy to src/installments.js; installmentSchedule(totalCents, months, startDate) returns [{ dueDate, amountCents }].
// ---
export function installmentSchedule(totalCents, months, startDate = new Date()) {
  const base = Math.floor(totalCents / months);
  const remainder = totalCents - base * months;
  return Array.from({ length: months }, (_, i) => {
    const dueDate = new Date(startDate);
    dueDate.setMonth(dueDate.getMonth() + i + 1);
    return { dueDate: dueDate.toISOString().slice(0, 10), amountCents: base + (i === 0 ? remainder : 0) };
  });
}
`,
  "payments/money-format.ts": `// ---
// title: Format money
// description: Formats an amount in cents as a localized currency string with Intl.NumberFormat.
// tags: [money, currency, i18n]
// usage: formatMoney(1995, "EUR", "nl-NL") gives "€ 19,95"; use it wherever prices are shown.
// ---
export function formatMoney(cents: number, currency: string, locale = "en-US"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(cents / 100);
}
`,
  "auth/jwt-verify.ts": `// ---
// title: Verify a JWT with a JWKS
// description: Verifies a JSON Web Token's signature against the issuer's published keys and checks issuer, audience and expiry.
// tags: [jwt, auth, oidc, security]
// usage: Call verifyToken(bearer) in the authentication middleware; it throws when the token is invalid.
// requires: [jose]
// ---
import { createRemoteJWKSet, jwtVerify } from "jose";

const jwks = createRemoteJWKSet(new URL("https://issuer.example/.well-known/jwks.json"));

export async function verifyToken(token: string) {
  const { payload } = await jwtVerify(token, jwks, {
    issuer: "https://issuer.example",
    audience: "my-api",
  });
  return payload;
}
`,
  "auth/password-hash.py": `# ---
# title: Hash passwords with Argon2
# description: Hashes and verifies user passwords with Argon2id and rehashes when the parameters change.
# tags: [password, hashing, security, python]
# usage: Store hash_password(plain) at sign-up; call check_password(stored, plain) at login.
# requires: [argon2-cffi]
# ---
from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError

hasher = PasswordHasher()


def hash_password(plain: str) -> str:
    return hasher.hash(plain)


def check_password(stored: str, plain: str) -> bool:
    try:
        return hasher.verify(stored, plain)
    except VerifyMismatchError:
        return False
`,
  "auth/laravel-sanctum-token.php": `<?php
// ---
// title: Laravel Sanctum API tokens
// description: Issues personal API tokens with abilities for a user and protects routes with the sanctum guard.
// tags: [laravel, sanctum, api-tokens, auth]
// usage: Add the token route to routes/api.php; protect routes with ->middleware('auth:sanctum').
// requires: [laravel/sanctum]
// ---

Route::post('/tokens', function (Request $request) {
    $token = $request->user()->createToken($request->input('name'), ['orders:read']);
    return ['token' => $token->plainTextToken];
})->middleware('auth');

Route::get('/orders', [OrderController::class, 'index'])->middleware('auth:sanctum');
`,
  "auth/oauth-pkce.ts": `// ---
// title: OAuth PKCE pair
// description: Generates an OAuth 2.0 PKCE code verifier and its S256 code challenge for the authorization request.
// tags: [oauth, pkce, auth]
// usage: Keep the verifier in the session; send the challenge with code_challenge_method=S256.
// ---
import { createHash, randomBytes } from "node:crypto";

export function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  return { verifier, challenge };
}
`,
  "http/retry-fetch.ts": `// ---
// title: Fetch with retries
// description: Retries failed HTTP requests (network errors, 429 and 5xx) with exponential backoff and jitter.
// tags: [http, retry, backoff, fetch]
// usage: Replace fetch(url) with fetchWithRetry(url, init, 4) for calls to flaky services.
// ---
export async function fetchWithRetry(url: string, init: RequestInit = {}, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, init);
      if (res.status !== 429 && res.status < 500) return res;
      if (attempt >= attempts) return res;
    } catch (err) {
      if (attempt >= attempts) throw err;
    }
    const delay = 2 ** attempt * 100 + Math.random() * 100;
    await new Promise((r) => setTimeout(r, delay));
  }
}
`,
  "http/express-error-handler.js": `// ---
// title: Express error handler
// description: An Express error-handling middleware that logs the error and answers JSON with a status and message.
// tags: [express, errors, middleware, node]
// usage: Register it last with app.use(errorHandler), after every route.
// requires: [express]
// ---
export function errorHandler(err, req, res, next) {
  if (res.headersSent) return next(err);
  const status = err.status ?? 500;
  req.log?.error({ err }, "request failed");
  res.status(status).json({ error: { status, message: status < 500 ? err.message : "Internal error" } });
}
`,
  "http/rate-limiter.go": `// ---
// title: Token bucket rate limiter
// description: HTTP middleware that limits requests per client IP with a token bucket per address.
// tags: [rate-limit, go, middleware, http]
// usage: Wrap the router with RateLimit(next, 10, 20) for 10 requests a second and bursts of 20.
// requires: [golang.org/x/time/rate]
// ---
package middleware

import (
	"net"
	"net/http"
	"sync"

	"golang.org/x/time/rate"
)

func RateLimit(next http.Handler, perSecond float64, burst int) http.Handler {
	var mu sync.Mutex
	limiters := map[string]*rate.Limiter{}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ip, _, _ := net.SplitHostPort(r.RemoteAddr)
		mu.Lock()
		l, ok := limiters[ip]
		if !ok {
			l = rate.NewLimiter(rate.Limit(perSecond), burst)
			limiters[ip] = l
		}
		mu.Unlock()
		if !l.Allow() {
			http.Error(w, "too many requests", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}
`,
  "http/cors-headers.js": `// ---
// title: CORS headers for node:http
// description: Answers preflight OPTIONS requests and sets Access-Control-Allow-Origin for allowed origins.
// tags: [cors, http, node]
// usage: Call applyCors(req, res, ["https://portal.example"]) first in the request handler; stop when it returns true.
// ---
export function applyCors(req, res, allowed) {
  const origin = req.headers.origin;
  if (origin && allowed.includes(origin)) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Vary", "Origin");
  }
  if (req.method !== "OPTIONS") return false;
  res.setHeader("Access-Control-Allow-Methods", "GET,POST,PUT,DELETE");
  res.setHeader("Access-Control-Allow-Headers", "content-type,authorization");
  res.writeHead(204).end();
  return true;
}
`,
};
