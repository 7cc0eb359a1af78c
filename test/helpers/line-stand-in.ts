export * from '../../src/modules/messaging/demo-line/stand-in.ts';
