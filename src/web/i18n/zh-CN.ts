import { en, type Messages } from './en';
export const zhCN: Messages = en;
