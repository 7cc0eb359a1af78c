import assert from 'node:assert/strict';
import { test } from 'node:test';
import { examples, notificationBanner } from './notification-banner.ts';

test('an info banner is a labelled region; a success banner is announced', () => {
  const info = notificationBanner(examples.info!).toString();
  assert.match(info, /role="region" aria-labelledby="notification-title"/);
  assert.match(info, /<h2 class="notification__title" id="notification-title">お知らせ<\/h2>/);
  const success = notificationBanner(examples.success!).toString();
  assert.match(success, /role="alert" aria-labelledby="received-title"/);
  assert.match(success, /<h2 class="notification__title" id="received-title">申請を受け付けました<\/h2>/);
});
