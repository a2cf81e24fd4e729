//! The Communs node: a Substrate full node running the Communs runtime, with Aura block
//! authoring and GRANDPA finality.

#![warn(missing_docs)]
// sc-cli's and sc-service's error types are large, and their runner closures must return
// them: the size is theirs, not something this crate can box away.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod receipts;
mod rpc;
mod service;
mod session_keys;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;

fn main() {
	// One line naming the problem, never a panic trace or a debug dump: an operator reads this.
	if let Err(error) = command::run() {
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
