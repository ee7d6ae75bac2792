import { Global, Module } from '@nestjs/common';
import { Clock } from '@woonbrug/kernel';
import { AppConfig, loadConfig } from './app-config';

/** Provides the validated {@link AppConfig} and the app's {@link Clock} to every module of an app. */
@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: () => loadConfig() }, Clock],
  exports: [AppConfig, Clock],
})
export class ConfigModule {}
