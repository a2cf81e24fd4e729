//! Weights measured on this machine. The base weights come from `communs-node benchmark
//! overhead` (a block's and an extrinsic's fixed cost) and `benchmark storage` (a RocksDB read
//! and write), through `scripts/benchmark-machine.sh`; the FRAME pallets' and frame-system's
//! transaction extensions' from `benchmark pallet`, through `scripts/benchmark-pallets.sh`.
//! Communs' own pallets keep theirs in each pallet's `weights.rs`.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_utility;
// The generated file documents the fields of a constant, which rustdoc does not show.
#[allow(unused_doc_comments)]
pub mod rocksdb_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use rocksdb_weights::constants::RocksDbWeight;
