//! # The Communs runtime
//!
//! The state transition function of the Communs chain: which pallets it runs, how they are
//! configured, the transaction format, and the runtime APIs the node and wallets call.
//!
//! - [`configs`]: one `Config` implementation per pallet.
//! - [`apis`]: the runtime APIs (block building, transaction pool, Aura, GRANDPA, metadata,
//!   account nonce, fees, genesis presets).
//! - [`genesis_config_presets`]: the `development` and `local_testnet` genesis states.
//!
//! The native token is **CMN** with [`TOKEN_DECIMALS`] decimals; [`UNIT`] is one CMN in the
//! smallest unit.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` expands to deeply nested types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::vec::Vec;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: the node handles blocks and extrinsics without knowing the runtime's types,
/// so it keeps syncing across runtime upgrades that change them.
pub mod opaque {
	use super::*;
	use sp_runtime::generic;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;

	impl_opaque_keys! {
		/// The keys a validator registers: Aura for authoring, GRANDPA for finality.
		pub struct SessionKeys {
			/// Signs the blocks this validator authors.
			pub aura: super::Aura,
			/// Signs this validator's finality votes.
			pub grandpa: super::Grandpa,
		}
	}
}

/// The runtime's version. Bump `spec_version` with every change of behaviour, and
/// `transaction_version` whenever the encoding of a call or of the extensions changes.
#[runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("communs"),
	impl_name: alloc::borrow::Cow::Borrowed("communs-node"),
	authoring_version: 1,
	spec_version: 116,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 3,
	system_version: 1,
};

/// The native token's symbol, shown by wallets.
pub const TOKEN_SYMBOL: &str = "CMN";
/// The native token's number of decimals.
pub const TOKEN_DECIMALS: u8 = 12;
/// The SS58 address format of Communs accounts (42: the generic Substrate prefix, so the
/// well-known development accounts keep the addresses every tool shows for them).
pub const SS58_PREFIX: u16 = 42;

/// One CMN in the smallest unit.
pub const UNIT: Balance = 10u128.pow(TOKEN_DECIMALS as u32);
/// A thousandth of a CMN.
pub const MILLI_UNIT: Balance = UNIT / 1_000;
/// A millionth of a CMN.
pub const MICRO_UNIT: Balance = UNIT / 1_000_000;
/// The least balance an account must hold to exist.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// The id of the chain's own DAO, the first created at genesis: its passed proposals change
/// the validator set and dispatch as Root (runtime upgrades, chain parameters).
pub const CHAIN_DAO: pallet_daos::DaoId = 0;

/// The most validators: the bound of the validator set, Aura's and GRANDPA's authorities.
pub const MAX_VALIDATORS: u32 = 32;
/// How long a session lasts: one minute (thirty blocks). The validator set changes at session
/// boundaries, so a short session admits or removes a validator within minutes.
pub const SESSION_PERIOD: BlockNumber = MINUTES;

/// The target block time. Aura produces at most one block per slot of this length.
pub const MILLI_SECS_PER_BLOCK: u64 = 2000;
/// Aura's slot length. It cannot change once a chain has started.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;

/// Blocks per minute: every period of the runtime is derived from it.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// The block number type.
pub type BlockNumber = u32;
/// A transaction signature: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;
/// An account: the public key of the signature scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// An amount of CMN, in its smallest unit.
pub type Balance = u128;
/// The number of transactions an account has sent.
pub type Nonce = u32;
/// Identifies a DAO share or credit token.
pub type TokenId = u32;
/// A block or state hash.
pub type Hash = sp_core::H256;

/// How a transaction names an account.
pub type Address = MultiAddress<AccountId, ()>;
/// The block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// A block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The checks and payments every signed transaction goes through, in order.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	// A call that says it is free (a member's first vote on a proposal) skips the fee; wallets
	// see the fee extension alone.
	pallet_skip_feeless_payment::SkipCheckIfFeeless<
		Runtime,
		pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// An extrinsic as this runtime decodes it.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run at the next runtime upgrade. Every Communs pallet declares its
/// storage version; a change of a stored type or key bumps its pallet's version and adds a
/// `VersionedMigration` here, which runs once and is removed once every chain has run it.
/// Spec 107: tokens, daos, governance and royalties key their own ids with `Twox64Concat`
/// (storage version 1). Spec 109: cofunding indexes open sales by DAO, service-payments' terms
/// name their token (storage version 1 of each; the latter reads DAOs, so it runs after theirs).
/// Spec 112: DAOs' and proposals' parameters say whether they allow ragequit, and governance
/// indexes ayes by voter (storage version 2 of daos and governance; its migrations are gone, so
/// this runtime upgrades chains from spec 112 on). Spec 113: co-funding counts the shares it
/// owes (version 2). Spec 114: DAOs' and proposals' parameters may cap what a passed proposal
/// takes out of the treasury (version 3 of daos and governance).
type Migrations = (
	pallet_tokens::migrations::v1::MigrateToV1<Runtime>,
	pallet_daos::migrations::v1::MigrateToV1<Runtime>,
	pallet_governance::migrations::v1::MigrateToV1<Runtime>,
	pallet_royalties::migrations::v1::MigrateToV1<Runtime>,
	pallet_cofunding::migrations::v1::MigrateToV1<Runtime>,
	pallet_service_payments::migrations::v1::MigrateToV1<Runtime>,
	pallet_daos::migrations::v3::MigrateToV3<Runtime>,
	pallet_governance::migrations::v3::MigrateToV3<Runtime>,
	pallet_cofunding::migrations::v2::MigrateToV2<Runtime>,
);

/// Dispatches blocks and transactions to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	/// The Communs runtime.
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// The base (configs/system.rs).
	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	// Block time and authoring (configs/consensus.rs).
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	// CMN and fees (configs/monetary.rs).
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;

	// The base, continued: development chains' sudo, batches (configs/system.rs).
	#[runtime::pallet_index(6)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(7)]
	pub type Utility = pallet_utility;

	// The DAOs' tokens (configs/monetary.rs).
	#[runtime::pallet_index(8)]
	pub type Tokens = pallet_tokens;

	// The validators (configs/consensus.rs); indices are never reordered, so concerns interleave.
	#[runtime::pallet_index(9)]
	pub type ValidatorSet = pallet_validator_set;

	#[runtime::pallet_index(10)]
	pub type Session = pallet_session;

	// How DAOs decide and execute (configs/governance.rs).
	#[runtime::pallet_index(11)]
	pub type Scheduler = pallet_scheduler;

	#[runtime::pallet_index(12)]
	pub type Daos = pallet_daos;

	#[runtime::pallet_index(13)]
	pub type Governance = pallet_governance;

	// What DAOs do together (configs/communs.rs).
	#[runtime::pallet_index(14)]
	pub type Royalties = pallet_royalties;

	#[runtime::pallet_index(15)]
	pub type Cofunding = pallet_cofunding;

	#[runtime::pallet_index(16)]
	pub type ServicePayments = pallet_service_payments;

	#[runtime::pallet_index(17)]
	pub type Budgets = pallet_budgets;

	/// Donations with receipts.
	#[runtime::pallet_index(18)]
	pub type Donations = pallet_donations;

	/// Skips the fee of calls that say they are free.
	#[runtime::pallet_index(19)]
	pub type SkipFeelessPayment = pallet_skip_feeless_payment;
}

/// The chain properties every chain spec carries, so wallets show CMN with the right
/// decimals and addresses in the right format.
#[cfg(feature = "std")]
pub fn chain_properties() -> serde_json::map::Map<alloc::string::String, serde_json::Value> {
	let mut properties = serde_json::map::Map::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}
