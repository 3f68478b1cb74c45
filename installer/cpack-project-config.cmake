# Included by cpack for each generator (CPACK_PROJECT_CONFIG_FILE, set in installer/CMakeLists.txt). A Debian package
# is made only from a build that may ship:
#  - without the test suite, whose test hooks (XMCREDIT_TEST_HOOKS) let XMCREDIT_KDF_FAST=1 weaken the key derivation
#    of every password written;
#  - as Release or RelWithDebInfo, the build types that get the hardening flags (relro, now, fortify, stack protector).
# XMCREDIT_PACKAGE_TEST_BUILD=1 in the environment lets a developer package any build, only to try the packaging.
if(CPACK_GENERATOR STREQUAL "DEB" AND NOT "$ENV{XMCREDIT_PACKAGE_TEST_BUILD}" STREQUAL "1")
    if(CPACK_XMCREDIT_BUILD_TESTS)
        message(FATAL_ERROR
            "xmcredit: this build has the test suite and its test hooks (XMCREDIT_KDF_FAST) compiled in, and must not "
            "be packaged. Configure a build directory of its own with -DXMCREDIT_BUILD_TESTS=OFF "
            "-DCMAKE_BUILD_TYPE=RelWithDebInfo (or set XMCREDIT_PACKAGE_TEST_BUILD=1 for a package only to try the "
            "packaging).")
    endif()
    if(NOT CPACK_XMCREDIT_BUILD_TYPE MATCHES "^(Release|RelWithDebInfo)$")
        message(FATAL_ERROR
            "xmcredit: the build type is '${CPACK_XMCREDIT_BUILD_TYPE}'; only Release and RelWithDebInfo builds get "
            "the hardening flags a package needs (or set XMCREDIT_PACKAGE_TEST_BUILD=1 for a package only to try the "
            "packaging).")
    endif()
endif()
