/** The fixture library's files, part two: db, queue, email, storage, testing (fixture-library.ts). */
export const FILES_B: Record<string, string> = {
  "db/postgres-migration.sql": `-- ---
-- title: Postgres table migration
-- description: Creates a table with a primary key, a foreign key, timestamps and the indexes queries need.
-- tags: [postgres, migration, sql, database]
-- usage: Copy into a new migration file and rename the table and columns.
-- ---
CREATE TABLE installments (
  id BIGSERIAL PRIMARY KEY,
  payment_id BIGINT NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
  due_date DATE NOT NULL,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  paid_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX installments_payment_id_idx ON installments (payment_id);
CREATE INDEX installments_due_unpaid_idx ON installments (due_date) WHERE paid_at IS NULL;
`,
  "db/prisma-pagination.ts": `// ---
// title: Cursor pagination with Prisma
// description: Pages through a Prisma model with a cursor instead of offsets, returning the next cursor.
// tags: [prisma, pagination, database]
// usage: listOrders(prisma, cursor) in a GET list endpoint; return nextCursor to the client.
// requires: ["@prisma/client"]
// ---
import type { PrismaClient } from "@prisma/client";

export async function listOrders(prisma: PrismaClient, cursor?: number, take = 50) {
  const rows = await prisma.order.findMany({
    take: take + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    orderBy: { id: "asc" },
  });
  const nextCursor = rows.length > take ? rows[take - 1]!.id : null;
  return { items: rows.slice(0, take), nextCursor };
}
`,
  "db/sqlalchemy-session.py": `# ---
# title: SQLAlchemy session scope
# description: A context manager that opens a SQLAlchemy session, commits the transaction or rolls it back on error.
# tags: [sqlalchemy, python, database, transactions]
# usage: 'Wrap each unit of work in: with session_scope() as session'
# requires: [sqlalchemy]
# secrets: [DATABASE_URL]
# ---
import os
from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

Session = sessionmaker(bind=create_engine(os.environ["DATABASE_URL"]))


@contextmanager
def session_scope():
    session = Session()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()
`,
  "queue/bullmq-worker.ts": `// ---
// title: BullMQ worker
// description: A background job queue on Redis with a worker that processes jobs with retries and backoff.
// tags: [bullmq, redis, jobs, queue]
// usage: Start startWorker() in its own process; add jobs with queue.add("send-invoice", data).
// requires: [bullmq]
// secrets: [REDIS_URL]
// ---
import { Queue, Worker } from "bullmq";

const connection = { url: process.env.REDIS_URL };
export const queue = new Queue("invoices", { connection });

export function startWorker(handle: (data: unknown) => Promise<void>) {
  return new Worker("invoices", (job) => handle(job.data), {
    connection,
    concurrency: 5,
  });
}

export const retryOptions = { attempts: 5, backoff: { type: "exponential", delay: 1000 } };
`,
  "queue/laravel-job.php": `<?php
// ---
// title: Laravel queued job
// description: A queued Laravel job with retries, backoff and a failed() hook.
// tags: [laravel, queue, jobs]
// usage: php artisan make:job, then paste; dispatch with SendInvoice::dispatch($order).
// ---

class SendInvoice implements ShouldQueue
{
    use Dispatchable, InteractsWithQueue, Queueable, SerializesModels;

    public $tries = 5;
    public $backoff = [10, 60, 300];

    public function __construct(public Order $order) {}

    public function handle(InvoiceMailer $mailer): void
    {
        $mailer->send($this->order);
    }

    public function failed(Throwable $e): void
    {
        Log::error('invoice failed', ['order' => $this->order->id, 'error' => $e->getMessage()]);
    }
}
`,
  "email/smtp-send.py": `# ---
# title: Send email over SMTP
# description: Sends a plain-text and HTML email through an SMTP server with STARTTLS using smtplib.
# tags: [email, smtp, python]
# usage: send_mail("to@example.com", "Subject", text, html) from a background task.
# secrets: [SMTP_PASSWORD]
# ---
import os
import smtplib
from email.message import EmailMessage


def send_mail(to: str, subject: str, text: str, html: str) -> None:
    msg = EmailMessage()
    msg["From"] = "shop@example.com"
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(text)
    msg.add_alternative(html, subtype="html")
    with smtplib.SMTP("smtp.example.com", 587) as smtp:
        smtp.starttls()
        smtp.login("shop@example.com", os.environ["SMTP_PASSWORD"])
        smtp.send_message(msg)
`,
  "email/mjml-template.html": `<!-- ---
title: Responsive email template
description: A responsive HTML email layout with a header, a call-to-action button and a footer that renders in common mail clients.
tags: [email, template, html]
usage: Copy into resources/views/emails and fill the placeholders.
--- -->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0">
  <tr>
    <td align="center" style="padding: 24px; font-family: Arial, sans-serif">
      <h1 style="margin: 0 0 16px">{{ title }}</h1>
      <p>{{ body }}</p>
      <a href="{{ url }}" style="background: #2563eb; color: #fff; padding: 12px 20px">Open</a>
      <p style="color: #6b7280; font-size: 12px">{{ footer }}</p>
    </td>
  </tr>
</table>
`,
  "storage/s3-presigned-upload.ts": `// ---
// title: Presigned S3 upload
// description: Creates a presigned URL so the browser uploads a file straight to an S3 bucket.
// tags: [s3, aws, upload, storage]
// usage: GET /uploads/url returns presignUpload(key); the browser PUTs the file to it.
// requires: ["@aws-sdk/client-s3", "@aws-sdk/s3-request-presigner"]
// secrets: [AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY]
// ---
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

const s3 = new S3Client({});

export function presignUpload(key: string, contentType: string) {
  const command = new PutObjectCommand({ Bucket: "uploads", Key: key, ContentType: contentType });
  return getSignedUrl(s3, command, { expiresIn: 300 });
}
`,
  "storage/image-resize.py": `# ---
# title: Resize images
# description: Makes thumbnails of uploaded images with Pillow, keeping the aspect ratio.
# tags: [images, thumbnails, pillow, python]
# usage: make_thumbnail(path, (320, 320)) after an upload is stored.
# requires: [pillow]
# ---
from pathlib import Path

from PIL import Image


def make_thumbnail(path: str, size=(320, 320)) -> Path:
    target = Path(path).with_suffix(".thumb.jpg")
    with Image.open(path) as image:
        image.thumbnail(size)
        image.convert("RGB").save(target, "JPEG", quality=85)
    return target
`,
  "testing/vitest-fetch-mock.ts": `// ---
// title: Mock fetch in Vitest
// description: Stubs the global fetch in a Vitest test and restores it afterwards.
// tags: [vitest, testing, mocking]
// usage: "Call mockFetch({ ok: true }) in a test; vi.unstubAllGlobals() runs after each test."
// requires: [vitest]
// ---
import { afterEach, vi } from "vitest";

export function mockFetch(body: unknown, status = 200) {
  const fn = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal("fetch", fn);
  return fn;
}

afterEach(() => vi.unstubAllGlobals());
`,
  "testing/pytest-fixture-db.py": `# ---
# title: Pytest database fixture
# description: A pytest fixture that gives each test a fresh SQLite database and removes it afterwards.
# tags: [pytest, testing, fixtures, python]
# usage: Put it in conftest.py and take db as a test argument.
# requires: [pytest]
# ---
import sqlite3

import pytest


@pytest.fixture
def db(tmp_path):
    conn = sqlite3.connect(tmp_path / "test.db")
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER)")
    yield conn
    conn.close()
`,
};
