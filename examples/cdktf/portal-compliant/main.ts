import { App } from 'cdktf';
import { PortalStack } from './portal.ts';

const app = new App();
new PortalStack(app, 'portal');
app.synth();
