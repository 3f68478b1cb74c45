# Windows packaging (included by installer/CMakeLists.txt when WIN32): an NSIS installer through CPack, the Qt
# libraries, plugins and Qt's own translations copied beside the programs by windeployqt at install time.
#
# NOT BUILT OR RUN HERE: the project is developed and tested on Debian 12 only. README, "Windows", lists the build
# steps and precisely what is untested.
#
#   cmake -S . -B build\win -G Ninja -DCMAKE_BUILD_TYPE=Release -DXMCREDIT_BUILD_TESTS=OFF ^
#         -DCMAKE_TOOLCHAIN_FILE=%VCPKG_ROOT%\scripts\buildsystems\vcpkg.cmake -DVCPKG_TARGET_TRIPLET=x64-windows-static-md
#   cmake --build build\win
#   cd build\win && cpack -G NSIS

get_target_property(XMCREDIT_QMAKE Qt6::qmake IMPORTED_LOCATION)
get_filename_component(XMCREDIT_QT_BIN "${XMCREDIT_QMAKE}" DIRECTORY)
find_program(XMCREDIT_WINDEPLOYQT windeployqt HINTS "${XMCREDIT_QT_BIN}" REQUIRED)

# windeployqt runs on the installed programs, so the installer holds what they load: Qt's DLLs, the platform, style,
# image format, TLS and SQL driver plugins, and qtbase_zh_CN.qm for Qt's own dialogs. The compiler runtime comes from
# InstallRequiredSystemLibraries below.
install(CODE "
    foreach(program xmcredit xmcredit-admin xmcredit-platform-sim)
        execute_process(
            COMMAND \"${XMCREDIT_WINDEPLOYQT}\" --release --no-compiler-runtime --no-opengl-sw
                    --dir \"\${CMAKE_INSTALL_PREFIX}/bin\" \"\${CMAKE_INSTALL_PREFIX}/bin/\${program}.exe\"
            RESULT_VARIABLE result)
        if(NOT result EQUAL 0)
            message(FATAL_ERROR \"windeployqt failed for \${program}.exe (\${result})\")
        endif()
    endforeach()
")
set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION bin)
include(InstallRequiredSystemLibraries)

# The report font: Windows has SimSun/Microsoft YaHei; nothing is installed for it (untested: which one Qt picks).

set(CPACK_GENERATOR NSIS)
set(CPACK_PACKAGE_NAME xmcredit)
set(CPACK_PACKAGE_VENDOR "Xiamen Public Credit Information Centre")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Staff workstation of the Xiamen public credit information centre")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "xmcredit")
set(CPACK_PACKAGE_EXECUTABLES xmcredit "Xiamen Public Credit Information Workstation")
set(CPACK_NSIS_DISPLAY_NAME "Xiamen Public Credit Information Workstation")
set(CPACK_NSIS_PACKAGE_NAME "xmcredit ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON "${PROJECT_SOURCE_DIR}/resources/icons/xmcredit.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\xmcredit.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_CURRENT_SOURCE_DIR}/copyright")
# The workstation data (the encrypted database and key vault) lives in the user application data folder, never in the
# installation directory, so uninstalling removes the programs only.
include(CPack)
