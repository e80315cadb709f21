export { ageIdentityPattern, ageRecipientPattern, loadAge, type Age } from './age';
export {
  ensureDeviceIdentity,
  nameDevice,
  readDeviceIdentity,
  wipeIdentity,
  type DeviceIdentity,
} from './deviceIdentity';
export {
  checkDeviceName,
  importProfile,
  organisationProfile,
  parseDeviceEntry,
  parseOrganisationProfile,
  readTrust,
  resolveRecipients,
  trustDevice,
  trustedSigner,
  type DeviceEntry,
  type NamedRecipient,
  type OrganisationProfile,
  type Trust,
  type TrustChange,
} from './trustStore';
