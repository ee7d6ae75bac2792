export { AppConfig, loadConfig, ENVIRONMENTS } from './app-config';
export type { Environment } from './app-config';
export { ConfigModule } from './config.module';
